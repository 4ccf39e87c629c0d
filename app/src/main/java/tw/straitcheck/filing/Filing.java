package tw.straitcheck.filing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.checking.Verdict;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.SubmissionRecord;

/**
 * The answer to a filed submission: the record's 收件號 and status, the version this filing made,
 * and the check's verdict and findings exactly as {@code POST /api/checks} gives them.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Filing(
        String receipt,
        RecordStatus status,
        int version,
        Verdict verdict,
        LocalDate asOf,
        String rulebaseVersion,
        List<ReportedFinding> findings) {

    static Filing of(SubmissionRecord record, int version, CheckResult result) {
        return new Filing(record.receipt(), record.status(), version, result.verdict(), result.asOf(),
                result.rulebaseVersion(), result.findings());
    }
}
