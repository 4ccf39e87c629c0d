package tw.straitcheck.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * Which reviewer holds a record (table {@code review_assignment}), so that two reviewers do not
 * work on the same one. Taking a free record is an insert that only one of two racing reviewers
 * wins (the record's id is the key); taking over another reviewer's record must be asked for and
 * replaces exactly the holder the reviewer saw, so a take-over never overwrites a third
 * reviewer's newer claim unseen. A record held by someone else is neither marked nor decided
 * (409 naming the holder); a record nobody holds may be, by whoever acts first.
 */
@Singleton
class ReviewAssignments {

    /** Who holds a record, since when (Taipei time). */
    public record Holder(String reviewer, OffsetDateTime since) {
    }

    private final JdbcOperations jdbc;
    private final RecordStore records;
    private final Clock clock;

    ReviewAssignments(JdbcOperations jdbc, RecordStore records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    /**
     * The reviewer takes the record. Held by another: refused with 409 naming the holder, unless
     * {@code takeOver} names that holder as the one to replace ({@code expectedHolder}); a holder
     * changed in between makes the take-over fail too.
     */
    @Transactional
    Holder take(String receipt, String reviewer, boolean takeOver, @Nullable String expectedHolder) {
        SubmissionRecord record = records.find(receipt).orElseThrow(() -> ApiException.noRecord());
        if (!record.status().undecided()) {
            throw ApiException.conflict(receipt, Messages.of("conflict.review.take-decided", record.status()));
        }
        Instant now = clock.instant();
        int inserted = jdbc.prepareStatement("""
                INSERT INTO review_assignment (record_id, reviewer, taken_at) VALUES (?, ?, ?)
                ON CONFLICT (record_id) DO NOTHING""", statement -> {
            statement.setLong(1, record.id());
            statement.setString(2, reviewer);
            statement.setTimestamp(3, Timestamp.from(now));
            return statement.executeUpdate();
        });
        if (inserted == 1) {
            return new Holder(reviewer, TaipeiClock.at(now));
        }
        Holder current = holder(record.id()).orElseThrow(() -> ApiException.conflict(receipt,
                Messages.of("conflict.concurrent")));
        if (current.reviewer().equals(reviewer)) {
            return current;
        }
        if (!takeOver) {
            throw ApiException.conflict(receipt, Messages.of("conflict.review.held", current.reviewer()));
        }
        String replaced = expectedHolder == null ? current.reviewer() : expectedHolder;
        int updated = jdbc.prepareStatement("""
                UPDATE review_assignment SET reviewer = ?, taken_at = ? WHERE record_id = ? AND reviewer = ?""",
                statement -> {
                    statement.setString(1, reviewer);
                    statement.setTimestamp(2, Timestamp.from(now));
                    statement.setLong(3, record.id());
                    statement.setString(4, replaced);
                    return statement.executeUpdate();
                });
        if (updated == 0) {
            throw ApiException.conflict(receipt, Messages.of("conflict.review.held", current.reviewer()));
        }
        return new Holder(reviewer, TaipeiClock.at(now));
    }

    /** The reviewer lets the record go; one held by another reviewer is theirs to release (409). */
    @Transactional
    void release(String receipt, String reviewer) {
        SubmissionRecord record = records.find(receipt).orElseThrow(() -> ApiException.noRecord());
        Optional<Holder> current = holder(record.id());
        if (current.isPresent() && !current.get().reviewer().equals(reviewer)) {
            throw ApiException.conflict(receipt, Messages.of("conflict.review.held", current.get().reviewer()));
        }
        jdbc.prepareStatement("DELETE FROM review_assignment WHERE record_id = ? AND reviewer = ?", statement -> {
            statement.setLong(1, record.id());
            statement.setString(2, reviewer);
            return statement.executeUpdate();
        });
    }

    /** Refuses a mark or a decision by a reviewer on a record someone else holds. */
    @Transactional
    void requireNotHeldByOther(SubmissionRecord record, String reviewer) {
        holder(record.id()).filter(h -> !h.reviewer().equals(reviewer)).ifPresent(h -> {
            throw ApiException.conflict(record.receipt(), Messages.of("conflict.review.held", h.reviewer()));
        });
    }

    @ReadOnly
    Optional<Holder> holder(long recordId) {
        return jdbc.prepareStatement("SELECT reviewer, taken_at FROM review_assignment WHERE record_id = ?", statement -> {
            statement.setLong(1, recordId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(holder(rs)) : Optional.<Holder>empty();
            }
        });
    }

    @ReadOnly
    Optional<Holder> holderOfReceipt(String receipt) {
        return Optional.ofNullable(holders(List.of(receipt)).get(receipt));
    }

    /** The holders of several records in one query (a page of the queue), by receipt. */
    @ReadOnly
    Map<String, Holder> holders(Collection<String> receipts) {
        Map<String, Holder> found = new HashMap<>();
        if (receipts.isEmpty()) {
            return found;
        }
        jdbc.prepareStatement("""
                SELECT r.receipt, a.reviewer, a.taken_at FROM review_assignment a
                JOIN submission_record r ON r.id = a.record_id WHERE r.receipt = ANY (?)""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", receipts.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString("receipt"), holder(rs));
                }
            }
            return null;
        });
        return found;
    }

    private static Holder holder(ResultSet rs) throws SQLException {
        return new Holder(rs.getString("reviewer"), TaipeiClock.at(rs.getTimestamp("taken_at").toInstant()));
    }
}
