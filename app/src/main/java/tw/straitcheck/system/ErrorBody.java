package tw.straitcheck.system;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import tw.straitcheck.checking.Localized;
import tw.straitcheck.submission.FieldError;

/** The body of a refusal (HTTP 422): a message and every field's error, in zh-TW and English. */
@Serdeable
public record ErrorBody(Localized message, List<Item> errors) {

    public static final Localized INVALID_MESSAGE = new Localized(
            "送件資料有誤，請依各欄位說明修正後重新送出；本次未儲存任何資料。",
            "The submission has errors; correct the fields listed and send it again. Nothing was stored.");

    @Serdeable
    public record Item(String field, Localized message) {
    }

    public static ErrorBody invalid(List<FieldError> errors) {
        return new ErrorBody(INVALID_MESSAGE, errors(errors));
    }

    public static List<Item> errors(List<FieldError> errors) {
        return errors.stream().map(e -> new Item(e.field(), new Localized(e.zh(), e.en()))).toList();
    }
}
