package tw.straitcheck.checking.dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes due dates from the named periods of {@code rules/periods.yaml} and the office calendar.
 * Used by the DRL as the global {@code dates}; it decides nothing about which deadline applies.
 *
 * <p>Conventions (rule catalogue, "Date conventions"):
 * <ul>
 * <li>N days after X: X + N, the first day not counted (行政程序法 第48條).</li>
 * <li>N months before/after X: same day of month, clamped to the month's end (3/31 − 1 month = 2/28).</li>
 * <li>N working days after X: the Nth working day after X.</li>
 * <li>N clear working days before X: N working days must lie strictly between the act and X, so the
 *     last good day is the calendar day before the Nth working day counted back from X.</li>
 * <li>A period with {@code roll: next-working-day} whose last day is a day off ends on the next working
 *     day (行政程序法 第48條第4項). A roll that looks at a day of a year with no calendar counts
 *     Monday–Friday and the due carries that year as not loaded.</li>
 * </ul>
 */
public final class DueDates {

    private final Map<String, NamedPeriod> periods;
    private final OfficeCalendar calendar;

    public DueDates(Map<String, NamedPeriod> periods, OfficeCalendar calendar) {
        this.periods = Map.copyOf(periods);
        this.calendar = calendar;
    }

    public Due due(String purpose, LocalDate anchor) {
        NamedPeriod named = period(purpose);
        if (named.lengths().size() != 1) {
            throw new IllegalArgumentException("period '" + purpose + "' is a series; use series()");
        }
        Set<Integer> yearsNotLoaded = new TreeSet<>();
        LocalDate counted = shift(anchor, named.lengths().get(0), named.direction(), yearsNotLoaded);
        LocalDate date = roll(counted, named.roll(), yearsNotLoaded);
        return new Due(purpose, anchor, date, counted, null, yearsNotLoaded);
    }

    /** Every date of a series period, e.g. the reminder days after an activity ends. */
    public List<LocalDate> series(String purpose, LocalDate anchor) {
        NamedPeriod named = period(purpose);
        List<LocalDate> dates = new ArrayList<>();
        Set<Integer> ignored = new TreeSet<>();
        for (Period length : named.lengths()) {
            dates.add(shift(anchor, length, named.direction(), ignored));
        }
        return List.copyOf(dates);
    }

    /** The later of two dates, leaving out an unknown (null) one; null if neither is known. */
    public LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    /** The latest of three dates, leaving out unknown (null) ones; null if none is known. */
    public LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        return latest(latest(a, b), c);
    }

    public NamedPeriod period(String purpose) {
        NamedPeriod named = periods.get(purpose);
        if (named == null) {
            throw new IllegalArgumentException("no period named '" + purpose + "' in rules/periods.yaml");
        }
        return named;
    }

    public OfficeCalendar calendar() {
        return calendar;
    }

    private LocalDate shift(LocalDate anchor, Period length, NamedPeriod.Direction direction, Set<Integer> yearsNotLoaded) {
        int sign = direction == NamedPeriod.Direction.BEFORE ? -1 : 1;
        return switch (length.unit()) {
            case DAYS -> anchor.plusDays((long) sign * length.count());
            case MONTHS -> anchor.plusMonths((long) sign * length.count());
            case WORKING_DAYS -> nthWorkingDay(anchor, length.count(), sign, yearsNotLoaded);
            case CLEAR_WORKING_DAYS -> {
                if (direction != NamedPeriod.Direction.BEFORE) {
                    throw new IllegalArgumentException("clear working days are counted before a date only");
                }
                yield nthWorkingDay(anchor, length.count(), -1, yearsNotLoaded).minusDays(1);
            }
        };
    }

    /** 行政程序法 48(4): a last day that is a day off moves to the next working day. */
    private LocalDate roll(LocalDate counted, NamedPeriod.Roll roll, Set<Integer> yearsNotLoaded) {
        if (roll == NamedPeriod.Roll.NONE) {
            return counted;
        }
        LocalDate day = counted;
        while (true) {
            if (!calendar.isLoaded(day.getYear())) {
                yearsNotLoaded.add(day.getYear());
            }
            if (calendar.isWorkingDay(day)) {
                return day;
            }
            day = day.plusDays(1);
        }
    }

    private LocalDate nthWorkingDay(LocalDate from, int n, int step, Set<Integer> yearsNotLoaded) {
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(step);
            if (!calendar.isLoaded(day.getYear())) {
                yearsNotLoaded.add(day.getYear());
            }
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
