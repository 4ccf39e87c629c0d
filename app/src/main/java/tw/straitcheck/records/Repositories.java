package tw.straitcheck.records;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** The repositories of kept submissions. */
final class Repositories {

    private Repositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Records extends CrudRepository<SubmissionRecord, Long> {
        Optional<SubmissionRecord> findByReceipt(String receipt);

        List<SubmissionRecord> findBySchoolCode(String schoolCode);

        /** Locks the row for the rest of the transaction: changes to one record are filed one at a time. */
        @Query("SELECT * FROM submission_record WHERE receipt = :receipt FOR UPDATE")
        Optional<SubmissionRecord> findByReceiptForUpdate(String receipt);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Versions extends CrudRepository<SubmissionVersion, Long> {
        List<SubmissionVersion> findByRecordIdOrderByNumber(Long recordId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Findings extends CrudRepository<StoredFinding, Long> {
        List<StoredFinding> findByVersionIdOrderById(Long versionId);

        /**
         * The flags of the version the record's verdict comes from: its latest version other than a
         * post-activity report or a results report, each judged on its own.
         */
        @Query("""
                SELECT f.id FROM finding f
                WHERE f.record_id = :recordId AND f.kind = 'FLAG'
                  AND f.version_id = (SELECT v.id FROM submission_version v
                                      WHERE v.record_id = :recordId AND v.kind NOT IN ('POST_ACTIVITY_REPORT', 'RESULTS_REPORT')
                                      ORDER BY v.number DESC LIMIT 1)
                ORDER BY f.id""")
        List<Long> flagsOfJudgedVersion(Long recordId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface History extends CrudRepository<HistoryEntry, Long> {
        List<HistoryEntry> findByRecordIdOrderById(Long recordId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Attachments extends CrudRepository<Attachment, Long> {
        List<Attachment> findByVersionId(Long versionId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Photos extends CrudRepository<ReportPhoto, Long> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface PhotoPlaces extends CrudRepository<ReportPhotoPlace, Long> {
        List<ReportPhotoPlace> findByVersionIdOrderByPosition(Long versionId);
    }
}
