package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/**
 * A stored record of the same applicant or school (the case file's {@code history:}, or the store):
 * its type, receipt, status and the day it was decided. Any type; a subsidy application also gives
 * a {@link PastSubsidy}, a results report a {@link PastResultsReport}.
 */
public record PastRecord(SubmissionType type, String receipt, PastStatus status, LocalDate decidedOn) {
}
