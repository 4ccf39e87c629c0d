package tw.straitcheck.rulebook;

import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.checking.facts.ActivityKind;
import tw.straitcheck.checking.facts.Codes;
import tw.straitcheck.checking.facts.PastRecord;
import tw.straitcheck.checking.facts.PastResultsReport;
import tw.straitcheck.checking.facts.PastStatus;
import tw.straitcheck.checking.facts.PastSubsidy;
import tw.straitcheck.checking.facts.SubmissionType;

/**
 * A case file's {@code history:} as the facts the rules read (the store gives the same facts for
 * the applicant's records): every entry a {@link PastRecord}; a subsidy application also a
 * {@link PastSubsidy}, a results report also a {@link PastResultsReport}.
 */
public final class HistoryFacts {

    private HistoryFacts() {
    }

    public static List<Object> of(List<CaseFile.HistoryEntry> history) {
        List<Object> facts = new ArrayList<>();
        for (CaseFile.HistoryEntry h : history) {
            SubmissionType type = Codes.of(SubmissionType.class, h.type().name());
            PastStatus status = h.status() == null ? null : Codes.of(PastStatus.class, h.status().name());
            facts.add(new PastRecord(type, h.receipt(), status, h.decidedOn()));
            if (type == SubmissionType.SUBSIDY_APPLICATION) {
                facts.add(new PastSubsidy(h.receipt(), status, h.decidedOn(),
                        h.activityKind() == null ? null : Codes.of(ActivityKind.class, h.activityKind().name()),
                        h.activityPeriod() == null ? null : h.activityPeriod().start(),
                        h.activityPeriod() == null ? null : h.activityPeriod().end()));
            } else if (type == SubmissionType.RESULTS_REPORT) {
                facts.add(new PastResultsReport(h.subsidyId(), h.filedOn(), h.executionRate(),
                        Boolean.TRUE.equals(h.notEligibleNextYear())));
            }
        }
        return facts;
    }
}
