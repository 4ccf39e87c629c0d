package tw.straitcheck.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of every refusal, whatever its status: a message and every field's error, in zh-TW and
 * English; for a conflict the record's {@code current} state (and the {@code unmarkedFindings}
 * that stop a decision); and the request's {@code correlationId} (also in the {@code X-Correlation-Id}
 * header), under which the log keeps whatever detail the answer leaves out.
 */
@Serdeable
public record ErrorBody(
        Localized message,
        List<Item> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Object current,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Long> unmarkedFindings,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String correlationId) {

    public static final Localized INVALID_MESSAGE = Messages.of("error.invalid");

    @Serdeable
    public record Item(String field, Localized message) {
    }

    public ErrorBody(Localized message, List<Item> errors) {
        this(message, errors, null, null, null);
    }

    public ErrorBody(Localized message, List<Item> errors, @Nullable Object current, @Nullable List<Long> unmarkedFindings) {
        this(message, errors, current, unmarkedFindings, null);
    }

    /** This body, carrying the request's correlation id. */
    public ErrorBody withCorrelationId(String id) {
        return new ErrorBody(message, errors, current, unmarkedFindings, id);
    }

    public static ErrorBody invalid(List<FieldError> errors) {
        return new ErrorBody(INVALID_MESSAGE, errors(errors));
    }

    public static List<Item> errors(List<FieldError> errors) {
        return errors.stream().map(e -> new Item(e.field(), new Localized(e.zh(), e.en()))).toList();
    }
}
