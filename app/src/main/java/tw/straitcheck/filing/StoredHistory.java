package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.checking.facts.ActivityKind;
import tw.straitcheck.checking.facts.Codes;
import tw.straitcheck.checking.facts.ExecutionRate;
import tw.straitcheck.checking.facts.PastRecord;
import tw.straitcheck.checking.facts.PastResultsReport;
import tw.straitcheck.checking.facts.PastStatus;
import tw.straitcheck.checking.facts.PastSubsidy;
import tw.straitcheck.checking.facts.SubmissionType;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.SubmissionVersion.VersionKind;

/**
 * The applicant's kept records as the facts section G reads (the same facts a case file gives
 * under {@code history:}): every record with its status and the day it was decided, each subsidy
 * application with its kind and activity dates, and the latest results report of each, with its
 * exact execution rate and whether it made the applicant not eligible the next year.
 */
@Singleton
class StoredHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_ELIGIBLE = "RESULTS.NOT_ELIGIBLE_NEXT_YEAR";

    private final RecordStore store;

    StoredHistory(RecordStore store) {
        this.store = store;
    }

    List<Object> of(String applicantCode) {
        List<Object> facts = new ArrayList<>();
        for (RecordStore.Past past : store.history(applicantCode)) {
            var r = past.record();
            SubmissionType type = Codes.of(SubmissionType.class, r.type());
            PastStatus status = Codes.of(PastStatus.class, r.status().name());
            facts.add(new PastRecord(type, r.receipt(), status, past.decidedOn()));
            if (type != SubmissionType.SUBSIDY_APPLICATION) {
                continue;
            }
            RecordStore.PastVersion application = null;
            RecordStore.PastVersion report = null;
            for (RecordStore.PastVersion v : past.versions()) {
                if (v.kind() == VersionKind.RESULTS_REPORT) {
                    report = v;
                } else if (v.kind().judgesTheRecord()) {
                    application = v;
                }
            }
            String kind = application == null ? null : read(application.submitted()).path("activityKind").asText(null);
            facts.add(new PastSubsidy(r.receipt(), status, past.decidedOn(),
                    kind == null ? null : Codes.of(ActivityKind.class, kind), r.activityStart(), r.activityEnd()));
            if (report != null) {
                long approved = 0;
                long actual = 0;
                for (JsonNode item : read(report.submitted()).path("expenditure")) {
                    approved += item.path("approved").asLong();
                    actual += item.path("actual").asLong();
                }
                facts.add(new PastResultsReport(r.receipt(), report.asOf(), ExecutionRate.exact(actual, approved),
                        report.ruleIds().contains(NOT_ELIGIBLE)));
            }
        }
        return facts;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
