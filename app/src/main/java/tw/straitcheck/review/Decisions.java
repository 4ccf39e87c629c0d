package tw.straitcheck.review;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import tw.straitcheck.records.RecordMoves;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.system.ApiException;

/**
 * A reviewer's decision on a record in review. RETURN and REJECT need a comment (RecordMoves says
 * so); a CLEAR needs every flag of the judged version marked first, so that each flag was looked
 * at and the keyword statistics learn from it. A record another reviewer holds
 * ({@link ReviewAssignments}) is theirs to decide: refused with 409 until it is taken over.
 */
@Singleton
class Decisions {

    private final RecordStore records;
    private final FlagReviews flags;
    private final RecordMoves moves;
    private final ReviewAssignments assignments;

    Decisions(RecordStore records, FlagReviews flags, RecordMoves moves, ReviewAssignments assignments) {
        this.records = records;
        this.flags = flags;
        this.moves = moves;
        this.assignments = assignments;
    }

    @Transactional
    SubmissionRecord decide(String receipt, DecisionForm form, String reviewer, @Nullable Long expectedLockVersion) {
        Long expected = expectedLockVersion;
        records.find(receipt).ifPresent(record -> assignments.requireNotHeldByOther(record, reviewer));
        if (form.action() == DecisionForm.Action.CLEAR || form.action() == DecisionForm.Action.APPROVE) {
            SubmissionRecord record = records.find(receipt).orElseThrow(() -> ApiException.noRecord());
            // Only a record CLEAR could move is held to its flags; otherwise RecordMoves says why it cannot move.
            if (record.status() == RecordStatus.IN_REVIEW) {
                List<Long> unmarked = flags.unmarked(record);
                if (!unmarked.isEmpty()) {
                    throw ApiException.unmarkedFlags(record.receipt(), unmarked);
                }
            }
            // The flags were counted on this state of the record: a resubmission committed in between
            // (new, unmarked flags) must make the CLEAR fail as stale rather than pass unseen.
            if (expected == null) {
                expected = record.lockVersion();
            }
        }
        return moves.move(receipt, form.action().move, reviewer, form.comment(), expected, form.approvedAmount());
    }
}
