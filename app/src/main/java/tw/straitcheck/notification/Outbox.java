package tw.straitcheck.notification;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox table. Every statement here runs in the caller's transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Outbox extends GenericRepository<OutboxMail, Long> {

    /** Writes a PENDING mail unless one with the same dedup key exists; 1 if written, 0 if it was already there. */
    @Query("""
            INSERT INTO outbox (record_id, purpose, dedup_key, recipients, subject, body, status, attempts,
                                next_attempt_at, created_at)
            VALUES (:recordId, :purpose, :dedupKey, :recipients, :subject, :body, 'PENDING', 0, :at, :at)
            ON CONFLICT (dedup_key) DO NOTHING""")
    int writeOnce(@Nullable Long recordId, String purpose, String dedupKey, String recipients, String subject,
            String body, Instant at);

    /**
     * Locks the next mail due, skipping any another worker holds: a row is worked by one
     * transaction at a time, and after that transaction it is no longer PENDING-and-due.
     */
    @Query("""
            SELECT * FROM outbox
            WHERE status = 'PENDING' AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED""")
    Optional<OutboxMail> claimNextDue(Instant now);

    @Query("UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :at WHERE id = :id")
    void markSent(Long id, Instant at);

    @Query("""
            UPDATE outbox SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                              last_error = :lastError
            WHERE id = :id""")
    void markAttemptFailed(Long id, String status, int attempts, Instant nextAttemptAt, String lastError);

    /** Newest first, optionally only one status and/or one record's mail. */
    @Query("""
            SELECT o.id, r.receipt, o.purpose, o.recipients, o.subject, o.status, o.attempts, o.last_error,
                   o.created_at, o.sent_at
            FROM outbox o LEFT JOIN submission_record r ON r.id = o.record_id
            WHERE (CAST(:status AS varchar) IS NULL OR o.status = CAST(:status AS varchar))
              AND (CAST(:receipt AS varchar) IS NULL OR r.receipt = CAST(:receipt AS varchar))
            ORDER BY o.id DESC
            LIMIT :limit""")
    List<Listed> list(@Nullable String status, @Nullable String receipt, int limit);

    /** A page of the list, newest first: {@code limit} rows after {@code offset}. */
    @Query("""
            SELECT o.id, r.receipt, o.purpose, o.recipients, o.subject, o.status, o.attempts, o.last_error,
                   o.created_at, o.sent_at
            FROM outbox o LEFT JOIN submission_record r ON r.id = o.record_id
            WHERE (CAST(:status AS varchar) IS NULL OR o.status = CAST(:status AS varchar))
            ORDER BY o.id DESC
            LIMIT :limit OFFSET :offset""")
    List<Listed> page(@Nullable String status, int limit, long offset);

    /** A row of the administrator's list. */
    @Introspected
    record Listed(Long id, @Nullable String receipt, String purpose, String recipients, String subject, String status,
            int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
    }
}
