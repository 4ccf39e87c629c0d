package tw.straitcheck.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Reviewing's own table: the reviewers' marks on flags. Records and findings are read through records/. */
final class ReviewRepositories {

    private ReviewRepositories() {
    }

    /** A reviewer's mark on one stored flag. */
    @MappedEntity("flag_mark")
    record StoredMark(@Id Long findingId, Long recordId, FlagMark.ReviewState state, @Nullable String note,
            String markedBy, Instant markedAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Marks extends GenericRepository<StoredMark, Long> {

        List<StoredMark> findByRecordId(Long recordId);

        @Query("""
                INSERT INTO flag_mark (finding_id, record_id, state, note, marked_by, marked_at)
                VALUES (:findingId, :recordId, :state, :note, :markedBy, :markedAt)
                ON CONFLICT (finding_id) DO UPDATE SET state = excluded.state, note = excluded.note,
                    marked_by = excluded.marked_by, marked_at = excluded.marked_at""")
        void mark(Long findingId, Long recordId, String state, @Nullable String note, String markedBy, Instant markedAt);

    }
}
