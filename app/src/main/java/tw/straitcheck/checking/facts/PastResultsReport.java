package tw.straitcheck.checking.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored results report of the same applicant: the subsidy it reports on, the day it was filed,
 * its overall execution rate in percent (the exact ratio where the store has the amounts; a case
 * file gives the figure), and whether it raised RESULTS.NOT_ELIGIBLE_NEXT_YEAR.
 */
public record PastResultsReport(String subsidyId, LocalDate filedOn, BigDecimal executionRate,
        boolean notEligibleNextYear) {
}
