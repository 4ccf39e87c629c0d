package tw.straitcheck.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tw.straitcheck.submission.StoredFinding;
import tw.straitcheck.submission.SubmissionRecord;

/** What reviewing reads and writes of the kept submissions; the records themselves move only through RecordMoves. */
final class ReviewRepositories {

    private ReviewRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Records extends GenericRepository<SubmissionRecord, Long> {
        Optional<SubmissionRecord> findByReceipt(String receipt);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Flags extends GenericRepository<StoredFinding, Long> {
        Optional<StoredFinding> findById(Long id);

        /**
         * The unmarked flags of the version the record's verdict comes from: its latest version
         * other than a post-activity report, which is judged on its own and leaves the verdict.
         */
        @Query("""
                SELECT f.id FROM finding f
                WHERE f.record_id = :recordId AND f.kind = 'FLAG' AND f.review_state IS NULL
                  AND f.version_id = (SELECT v.id FROM submission_version v
                                      WHERE v.record_id = :recordId AND v.kind <> 'POST_ACTIVITY_REPORT'
                                      ORDER BY v.number DESC LIMIT 1)
                ORDER BY f.id""")
        List<Long> unmarkedOfJudgedVersion(Long recordId);

        @Query("""
                UPDATE finding SET review_state = :state, review_note = :note, reviewed_by = :reviewer, reviewed_at = :at
                WHERE id = :id""")
        void mark(Long id, String state, @Nullable String note, String reviewer, Instant at);
    }
}
