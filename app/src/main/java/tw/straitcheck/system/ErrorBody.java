package tw.straitcheck.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of every refusal, whatever its status: a message and every field's error, in zh-TW and
 * English; for a conflict the record's {@code current} state (and the {@code unmarkedFindings}
 * that stop a decision).
 */
@Serdeable
public record ErrorBody(
        Localized message,
        List<Item> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Object current,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Long> unmarkedFindings) {

    public static final Localized INVALID_MESSAGE = new Localized(
            "送件資料有誤，請依各欄位說明修正後重新送出；本次未儲存任何資料。",
            "The submission has errors; correct the fields listed and send it again. Nothing was stored.");

    @Serdeable
    public record Item(String field, Localized message) {
    }

    public ErrorBody(Localized message, List<Item> errors) {
        this(message, errors, null, null);
    }

    public static ErrorBody invalid(List<FieldError> errors) {
        return new ErrorBody(INVALID_MESSAGE, errors(errors));
    }

    public static List<Item> errors(List<FieldError> errors) {
        return errors.stream().map(e -> new Item(e.field(), new Localized(e.zh(), e.en()))).toList();
    }
}
