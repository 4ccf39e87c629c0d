package tw.straitcheck.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * Why a request was refused, for every endpoint: the status, the message in zh-TW and English,
 * each field's error, and for a conflict the record's current state. {@link ApiErrors} answers it
 * as an {@link ErrorBody}; nothing that was refused was stored.
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Localized text;
    private final List<FieldError> errors;
    private final @Nullable String receipt;
    private final @Nullable List<Long> unmarkedFindings;

    private ApiException(HttpStatus status, Localized text, List<FieldError> errors, @Nullable String receipt,
            @Nullable List<Long> unmarkedFindings) {
        super(text.en() + (errors.isEmpty() ? "" : " " + errors));
        this.status = status;
        this.text = text;
        this.errors = List.copyOf(errors);
        this.receipt = receipt;
        this.unmarkedFindings = unmarkedFindings == null ? null : List.copyOf(unmarkedFindings);
    }

    /** Bad input (422): every field error at once. */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorBody.INVALID_MESSAGE, errors, null, null);
    }

    public static ApiException invalid(FieldError error) {
        return invalid(List.of(error));
    }

    /** A refusal with no field errors, at the given status (400, 413, 503 …). */
    public static ApiException of(HttpStatus status, Localized text) {
        return new ApiException(status, text, List.of(), null, null);
    }

    /** Nothing there (404). */
    public static ApiException notFound(Localized text) {
        return new ApiException(HttpStatus.NOT_FOUND, text, List.of(), null, null);
    }

    /** Not this account's to do (403). */
    public static ApiException forbidden(Localized text) {
        return new ApiException(HttpStatus.FORBIDDEN, text, List.of(), null, null);
    }

    /** No record with that 收件號 (404). */
    public static ApiException noRecord() {
        return notFound(Messages.of("error.record.not-found"));
    }

    /**
     * The record's state does not allow this, or someone else moved it first (409); the answer
     * carries the record's state as it is when the refusal is answered.
     */
    public static ApiException conflict(String receipt, Localized text) {
        return new ApiException(HttpStatus.CONFLICT, text, List.of(), receipt, null);
    }

    /** A decision refused while flags of the record are unmarked (409), naming them. */
    public static ApiException unmarkedFlags(String receipt, List<Long> findingIds) {
        return new ApiException(HttpStatus.CONFLICT, Messages.of("conflict.unmarked-flags"), List.of(),
                receipt, findingIds);
    }

    /**
     * A check that did not finish within its limits (503): a rule kept firing. No verdict is given,
     * since the findings raised so far would read as a whole one, and nothing is stored.
     */
    public static ApiException checkDidNotFinish() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, Messages.of("error.check-time-limit"));
    }

    public HttpStatus status() {
        return status;
    }

    /** The body, with {@code current}: the state of the record the refusal is about, if any. */
    public ErrorBody body(@Nullable Object current) {
        return new ErrorBody(text, ErrorBody.errors(errors), current, unmarkedFindings);
    }

    /** The record the refusal is about (a conflict), if any. */
    public @Nullable String receipt() {
        return receipt;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
