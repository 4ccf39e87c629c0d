package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A kept record: a registration or an announcement, known by its 收件號. */
@MappedEntity("submission_record")
public record SubmissionRecord(
        @Id @GeneratedValue @Nullable Long id,
        String receipt,
        String type,
        RecordStatus status,
        String schoolCode,
        String schoolName,
        String activityName,
        @Nullable LocalDate activityStart,
        @Nullable LocalDate activityEnd,
        @Nullable LocalDate departure,
        @Nullable LocalDate returnDate,
        int currentVersion,
        String verdict,
        int violations,
        int flags,
        @Nullable LocalDate postReportFiledOn,
        @Nullable Long approvedAmount,
        String filedBy,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long lockVersion) {

    /** The type of a subsidy application's record (the submission spec's type name). */
    static final String SUBSIDY_APPLICATION = "SUBSIDY_APPLICATION";

    /** A subsidy application, decided by APPROVE with an amount; its results reports are its versions. */
    public boolean isSubsidyApplication() {
        return SUBSIDY_APPLICATION.equals(type);
    }

    /** The day the post-activity report was first filed: it closes the reporting obligation and stops reminders. */
    public SubmissionRecord withPostReportFiledOn(LocalDate day) {
        return new SubmissionRecord(id, receipt, type, status, schoolCode, schoolName, activityName, activityStart,
                activityEnd, departure, returnDate, currentVersion, verdict, violations, flags, day, approvedAmount,
                filedBy, createdAt, updatedAt, lockVersion);
    }

    /** A new version that leaves the record's verdict as it was (a post-activity report is judged on its own). */
    public SubmissionRecord withVersion(int number, RecordStatus newStatus, Instant at) {
        return new SubmissionRecord(id, receipt, type, newStatus, schoolCode, schoolName, activityName, activityStart,
                activityEnd, departure, returnDate, number, verdict, violations, flags, postReportFiledOn, approvedAmount,
                filedBy, createdAt, at, lockVersion);
    }

    /** The ministry's approval of a subsidy application, with the approved amount. */
    public SubmissionRecord approved(long amount, Instant at) {
        return new SubmissionRecord(id, receipt, type, RecordStatus.APPROVED, schoolCode, schoolName, activityName,
                activityStart, activityEnd, departure, returnDate, currentVersion, verdict, violations, flags,
                postReportFiledOn, amount, filedBy, createdAt, at, lockVersion);
    }

    public SubmissionRecord withStatus(RecordStatus newStatus, Instant at) {
        return new SubmissionRecord(id, receipt, type, newStatus, schoolCode, schoolName, activityName, activityStart,
                activityEnd, departure, returnDate, currentVersion, verdict, violations, flags, postReportFiledOn, approvedAmount,
                filedBy, createdAt, at, lockVersion);
    }
}
