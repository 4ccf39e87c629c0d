package tw.straitcheck.records;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Messages;

/**
 * The moves of a record after filing. A reviewer CLEARs (→ ACCEPTED), RETURNs for correction with
 * comments (→ RETURNED; the school resubmits, which checks again) or REJECTs; the school may
 * WITHDRAW while the record is not yet decided. Two people moving one record at once: the first
 * wins; the other's move finds the record changed and is refused with its current state.
 */
@Singleton
public class RecordMoves {

    /** A move, the statuses it can start from, where it leads, and whether a reason is required. */
    public enum Move {
        CLEAR(Set.of(RecordStatus.IN_REVIEW), RecordStatus.ACCEPTED, false),
        /** A subsidy application the ministry approves, with the approved amount (SUBSIDY 4(2): 核定). */
        APPROVE(Set.of(RecordStatus.IN_REVIEW), RecordStatus.APPROVED, false),
        RETURN(Set.of(RecordStatus.IN_REVIEW), RecordStatus.RETURNED, true),
        REJECT(Set.of(RecordStatus.IN_REVIEW, RecordStatus.RETURNED), RecordStatus.REJECTED, true),
        WITHDRAW(Set.of(RecordStatus.IN_REVIEW, RecordStatus.RETURNED), RecordStatus.WITHDRAWN, false);

        final Set<RecordStatus> from;
        final RecordStatus to;
        final boolean needsReason;

        Move(Set<RecordStatus> from, RecordStatus to, boolean needsReason) {
            this.from = from;
            this.to = to;
            this.needsReason = needsReason;
        }

        /** A subsidy application is approved (with an amount), never cleared; any other record is cleared. */
        boolean appliesTo(String type) {
            boolean subsidy = SubmissionRecord.SUBSIDY_APPLICATION.equals(type);
            return this == APPROVE ? subsidy : this != CLEAR || !subsidy;
        }
    }

    private final Repositories.Records records;
    private final Repositories.History history;
    private final ApplicationEventPublisher<RecordMoved> events;
    private final Clock clock;

    RecordMoves(Repositories.Records records, Repositories.History history, ApplicationEventPublisher<RecordMoved> events,
            Clock clock) {
        this.records = records;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves the record. {@code expectedLockVersion}, when given (HTTP {@code If-Match}), must be the
     * version the mover saw; otherwise the move is refused as acting on a stale view.
     */
    @Transactional
    public SubmissionRecord move(String receipt, Move move, String actor, @Nullable String reason,
            @Nullable Long expectedLockVersion) {
        return move(receipt, move, actor, reason, expectedLockVersion, null);
    }

    /** The same; an APPROVE carries the approved amount. */
    @Transactional
    public SubmissionRecord move(String receipt, Move move, String actor, @Nullable String reason,
            @Nullable Long expectedLockVersion, @Nullable Long approvedAmount) {
        SubmissionRecord record = records.findByReceipt(receipt).orElseThrow(() -> ApiException.noRecord());
        if (expectedLockVersion != null && !expectedLockVersion.equals(record.lockVersion())) {
            throw ApiException.conflict(receipt, Messages.of("conflict.changed"));
        }
        if (!move.appliesTo(record.type())) {
            throw ApiException.invalid(FieldError.of("action", "field.action-for-type", move, record.type()));
        }
        if (move == Move.APPROVE && approvedAmount == null) {
            throw ApiException.invalid(FieldError.of("approvedAmount", "field.approved-amount-required"));
        }
        if (!move.from.contains(record.status())) {
            throw ApiException.conflict(receipt, Messages.of("conflict.status", record.status(), move));
        }
        if (move.needsReason && (reason == null || reason.isBlank())) {
            throw ApiException.invalid(List.of(FieldError.of("comment", "field.reason-required")));
        }
        Instant now = clock.instant();
        SubmissionRecord moved;
        try {
            moved = records.update(move == Move.APPROVE ? record.approved(approvedAmount, now)
                    : record.withStatus(move.to, now));
        } catch (OptimisticLockException e) {
            throw ApiException.conflict(receipt, Messages.of("conflict.concurrent"));
        }
        HistoryEntry entry = history.save(new HistoryEntry(null, record.id(), now, actor, move.name(), record.status(),
                move.to, record.currentVersion(), reason));
        events.publishEvent(new RecordMoved(moved, entry));
        return moved;
    }
}
