package tw.straitcheck.submission;

import java.util.List;

/** Why a filing or a move was refused; the API answers each with its own status. */
public abstract sealed class FilingException extends RuntimeException {

    FilingException(String message) {
        super(message);
    }

    /** Bad input (422): every field error at once; nothing was stored. */
    public static final class Invalid extends FilingException {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super("invalid submission: " + errors);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** No record with that 收件號 (404). */
    public static final class NotFound extends FilingException {
        public NotFound(String receipt) {
            super("no record " + receipt);
        }
    }

    /** The record is not in a state that allows this, or someone else moved it first (409). */
    public static final class Conflict extends FilingException {
        private final String receipt;
        private final String zh;

        public Conflict(String receipt, String zh, String en) {
            super(en);
            this.receipt = receipt;
            this.zh = zh;
        }

        public String receipt() {
            return receipt;
        }

        public String zh() {
            return zh;
        }
    }
}
