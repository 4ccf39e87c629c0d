package tw.straitcheck.checking.dates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * A due date derived by the rules: which named period produced it ({@code purpose}), from which
 * date, for whom ({@code subject}, e.g. a leader, or null), and the calendar years it needed but
 * that are not loaded (then Monday to Friday were counted as working days).
 */
public final class Due {

    private final String purpose;
    private final LocalDate anchor;
    private final LocalDate date;
    private final LocalDate counted;
    private final Object subject;
    private final Set<Integer> yearsNotLoaded;

    Due(String purpose, LocalDate anchor, LocalDate date, LocalDate counted, Object subject, Set<Integer> yearsNotLoaded) {
        this.purpose = Objects.requireNonNull(purpose);
        this.anchor = Objects.requireNonNull(anchor);
        this.date = Objects.requireNonNull(date);
        this.counted = Objects.requireNonNull(counted);
        this.subject = subject;
        this.yearsNotLoaded = Set.copyOf(yearsNotLoaded);
    }

    /** The same due date, concerning the given subject. */
    public Due about(Object subject) {
        return new Due(purpose, anchor, date, counted, subject, yearsNotLoaded);
    }

    public String getPurpose() {
        return purpose;
    }

    public LocalDate getAnchor() {
        return anchor;
    }

    public LocalDate getDate() {
        return date;
    }

    /** The last day as counted, before a day off rolled it (行政程序法 48(4)); the due date itself when it did not roll. */
    public LocalDate getCounted() {
        return counted;
    }

    /** Whether the counted last day was a day off and the due moved to the next working day. */
    public boolean isRolled() {
        return !counted.equals(date);
    }

    public Object getSubject() {
        return subject;
    }

    public Set<Integer> getYearsNotLoaded() {
        return yearsNotLoaded;
    }

    /** Doing it on the due date is in time; only a later day misses it. */
    public boolean missedOn(LocalDate day) {
        return day.isAfter(date);
    }


    public long daysLateOn(LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(date, day));
    }

    @Override
    public String toString() {
        return purpose + " " + date + (subject == null ? "" : " (" + subject + ")");
    }
}
