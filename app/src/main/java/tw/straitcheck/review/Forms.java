package tw.straitcheck.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tw.straitcheck.filing.FilingHttp;
import tw.straitcheck.system.FieldError;

/** Reading the reviewers' small JSON bodies and headers, collecting every problem instead of stopping at the first. */
final class Forms {

    private Forms() {
    }

    static <E extends Enum<E>> @Nullable E oneOf(JsonNode json, String field, Class<E> type, List<FieldError> errors) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
        JsonNode value = json.isObject() ? json.get(field) : null;
        if (value == null || value.isNull() || !value.isTextual()) {
            errors.add(FieldError.of(field, "field.required-one-of", allowed));
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.asText())) {
                return e;
            }
        }
        errors.add(FieldError.of(field, "field.must-be-one-of", allowed));
        return null;
    }

    /** A reviewer's comment or note: at most this many characters (README, "Field limits"). */
    static final int TEXT_MAX = 2000;

    static @Nullable String optionalText(JsonNode json, String field, List<FieldError> errors) {
        JsonNode value = json.isObject() ? json.get(field) : null;
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(FieldError.of(field, "field.text"));
            return null;
        }
        if (value.asText().codePointCount(0, value.asText().length()) > TEXT_MAX) {
            errors.add(FieldError.of(field, "field.max-length", TEXT_MAX));
            return null;
        }
        return value.asText().isBlank() ? null : value.asText().strip();
    }

    /** The record's lockVersion from If-Match, read as the filing API reads it. */
    static @Nullable Long lockVersion(@Nullable String ifMatch, List<FieldError> errors) {
        try {
            return FilingHttp.lockVersion(ifMatch);
        } catch (NumberFormatException e) {
            errors.add(FilingHttp.BAD_IF_MATCH);
            return null;
        }
    }
}
