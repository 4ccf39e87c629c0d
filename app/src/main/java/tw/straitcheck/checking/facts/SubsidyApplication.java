package tw.straitcheck.checking.facts;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A subsidy application (submission.md 6) as the rules read it. {@code financialTier} is 1–5,
 * {@code localGovernment} null for an applicant no municipality or county runs.
 */
public record SubsidyApplication(ApplicantKind applicantKind, String applicantCode, String localGovernment,
        int financialTier, LocalDate registeredOn, Boolean nonProfit, ActivityKind activityKind, Venue venue,
        boolean nationalEvent, LocalDate activityStart, LocalDate activityEnd, int participantCount,
        long budgetTotal, long requestedFromMoe, Set<Document> documents) {

    public SubsidyApplication {
        documents = documents == null || documents.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(documents));
    }

    /** The fiscal year (會計年度, the calendar year) in which the activity starts. */
    public int fiscalYear() {
        return activityStart.getYear();
    }

    /** The fiscal year before it: the one whose subsidies' results decide this year's (SUBSIDY 6(2) 下年度). */
    public int previousFiscalYear() {
        return fiscalYear() - 1;
    }

    /** The counterpart share the applicant's side budgets (SUBSIDY 3(1) 相對編列分擔款). */
    public long counterpartShare() {
        return budgetTotal - requestedFromMoe;
    }
}
