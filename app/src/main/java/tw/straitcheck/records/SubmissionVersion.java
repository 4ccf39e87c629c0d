package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a record: what was submitted, how the registration stood after it, and the check
 * that judged it with the rulebase version that produced the verdict.
 */
@MappedEntity("submission_version")
public record SubmissionVersion(
        @Id @GeneratedValue @Nullable Long id,
        Long recordId,
        int number,
        VersionKind kind,
        @TypeDef(type = DataType.JSON) String submitted,
        @TypeDef(type = DataType.JSON) @Nullable String registration,
        LocalDate asOf,
        String verdict,
        String rulebaseVersion,
        String submittedBy,
        Instant createdAt) {

    public enum VersionKind {
        REGISTRATION, CHANGE, RESUBMISSION, POST_ACTIVITY_REPORT, ANNOUNCEMENT, SUBSIDY_APPLICATION, RESULTS_REPORT;

        /**
         * Whether a version of this kind judges the record (its verdict is the record's). A
         * post-activity report and a results report are judged on their own and leave it alone.
         */
        public boolean judgesTheRecord() {
            return this != POST_ACTIVITY_REPORT && this != RESULTS_REPORT;
        }
    }
}
