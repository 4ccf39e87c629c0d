package tw.straitcheck.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import tw.straitcheck.submission.FieldError;
import tw.straitcheck.submission.RecordViews;
import tw.straitcheck.submission.SubmissionRecord;

/** Why a reviewer's request was refused; {@link ReviewErrors} answers each with its own status. */
abstract sealed class ReviewException extends RuntimeException {

    ReviewException(String message) {
        super(message);
    }

    /** Bad parameters or body (422): every field error at once; nothing was changed. */
    static final class Invalid extends ReviewException {
        private final List<FieldError> errors;

        Invalid(List<FieldError> errors) {
            super("invalid review request: " + errors);
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }

    /** The record has no finding with that id (404). */
    static final class FindingNotFound extends ReviewException {
        FindingNotFound(String receipt, String findingId) {
            super("record " + receipt + " has no finding " + findingId);
        }
    }

    /** A CLEAR while flags of the judged version are not yet marked (409, with the ids to mark). */
    static final class UnmarkedFlags extends ReviewException {
        private final ObjectNode current;
        private final List<Long> findingIds;

        UnmarkedFlags(SubmissionRecord record, List<Long> findingIds) {
            super("record " + record.receipt() + " has unmarked flags " + findingIds);
            this.current = RecordViews.summary(record);
            this.findingIds = List.copyOf(findingIds);
        }

        ObjectNode current() {
            return current;
        }

        List<Long> findingIds() {
            return findingIds;
        }
    }
}
