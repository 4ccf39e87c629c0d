package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** An announcement of mainland activity information (協助公告陸方活動訊息). */
public record Announcement(LocalDate announcementStart, LocalDate announcementEnd, Boolean selfCheckCompleted) {
}
