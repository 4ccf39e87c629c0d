package tw.straitcheck.checking.facts;

import java.math.BigDecimal;

/** One item of a results report's expenditure (RESULTS_SYSTEM 3-2): approved and actual amounts. */
public record ExpenditureItem(int index, String path, String item, long approved, long actual) {

    /** actual / approved in percent, rounded half up to 2 decimals; null when nothing was approved. */
    public BigDecimal shownRate() {
        return ExecutionRate.shown(actual, approved);
    }
}
