package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** A stored subsidy application of the same applicant: its receipt, status, kind and activity dates. */
public record PastSubsidy(String receipt, PastStatus status, LocalDate decidedOn, ActivityKind activityKind,
        LocalDate activityStart, LocalDate activityEnd) {

    /** The fiscal year (the calendar year) in which its activity started; 0 when not known. */
    public int fiscalYear() {
        return activityStart == null ? 0 : activityStart.getYear();
    }
}
