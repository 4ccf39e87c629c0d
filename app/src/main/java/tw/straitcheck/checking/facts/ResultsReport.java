package tw.straitcheck.checking.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A results report (submission.md 7) as the rules read it: the subsidy it reports on, the activity's
 * dates (the subsidy's, or the report's own in a check without the store), whether it was held, the
 * approved total and the sums of the expenditure items.
 */
public record ResultsReport(String subsidyId, LocalDate activityStart, LocalDate activityEnd, ResultsHeld held,
        long approvedTotal, long approvedSum, long actualSum, boolean hasExpenditure,
        boolean statementOfAccountsAttached) {

    /** The overall execution rate (Σ actual / Σ approved) as an exact percentage; null with nothing approved. */
    public BigDecimal exactRate() {
        return ExecutionRate.exact(actualSum, approvedSum);
    }

    /** The same, rounded half up to 2 decimals as RESULTS_SYSTEM 3-2 shows it (94.81). */
    public BigDecimal shownRate() {
        return ExecutionRate.shown(actualSum, approvedSum);
    }
}
