package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** An announcement of mainland activity information (協助公告陸方活動訊息). */
public final class Announcement {

    private final LocalDate announcementStart;
    private final LocalDate announcementEnd;
    private final Boolean selfCheckCompleted;

    public Announcement(LocalDate announcementStart, LocalDate announcementEnd, Boolean selfCheckCompleted) {
        this.announcementStart = announcementStart;
        this.announcementEnd = announcementEnd;
        this.selfCheckCompleted = selfCheckCompleted;
    }

    public LocalDate getAnnouncementStart() {
        return announcementStart;
    }

    public LocalDate getAnnouncementEnd() {
        return announcementEnd;
    }

    public Boolean getSelfCheckCompleted() {
        return selfCheckCompleted;
    }

    @Override
    public String toString() {
        return "Announcement[" + "announcementStart=" + announcementStart + ", " + "announcementEnd=" + announcementEnd + ", " + "selfCheckCompleted=" + selfCheckCompleted + "]";
    }
}
