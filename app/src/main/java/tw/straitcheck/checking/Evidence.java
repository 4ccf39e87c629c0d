package tw.straitcheck.checking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What triggered a finding: the field, its value, and what matched in it (for a keyword: the
 * keyword, with {@code context} quoting the original text around it).
 */
@Serdeable
public record Evidence(
        String field,
        String value,
        String matched,
        @JsonInclude(JsonInclude.Include.NON_NULL) String context) {

    public static Evidence of(String field, Object value, String matched) {
        return new Evidence(field, value == null ? null : value.toString(), matched, null);
    }
}
