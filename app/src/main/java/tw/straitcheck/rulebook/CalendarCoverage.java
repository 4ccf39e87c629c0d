package tw.straitcheck.rulebook;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedSet;

/**
 * Which office-calendar years the rulebase holds, and whether next year's is missing while this
 * year ends within {@link #WARN_DAYS} days: due dates that fall in a year without its calendar are
 * counted Monday to Friday, so policy staff load the ministry's calendar before the year turns.
 * "Within 90 days" counts the days from today to 12/31: on 10/02 that is 90 (warned), on 10/01 91.
 */
public record CalendarCoverage(List<Integer> loaded, int thisYear, long daysToYearEnd, @Nullable Integer missingNext) {

    static final int WARN_DAYS = 90;

    static CalendarCoverage of(SortedSet<Integer> loadedYears, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, LocalDate.of(today.getYear(), 12, 31));
        int next = today.getYear() + 1;
        Integer missing = left <= WARN_DAYS && !loadedYears.contains(next) ? next : null;
        return new CalendarCoverage(List.copyOf(loadedYears), today.getYear(), left, missing);
    }

    public boolean thisYearLoaded() {
        return loaded.contains(thisYear);
    }
}
