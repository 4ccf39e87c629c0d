package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import tw.straitcheck.submission.Submission;

/**
 * The {@code changes} of a change notice (submission.md section 2) from the registration form:
 * the registration's fields whose value on the form differs from the kept registration, and a
 * field the form no longer has (an agreement taken out) as null, which clears it. The notice
 * then says what changed, as a school's system would send it, and is checked as the API checks it.
 */
final class ChangePatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangePatch() {
    }

    static ObjectNode between(String keptRegistration, ObjectNode onTheForm) {
        JsonNode kept;
        try {
            kept = JSON.readTree(keptRegistration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        for (String field : Submission.ExchangeActivity.FIELDS) {
            JsonNode now = onTheForm.path(field);
            JsonNode before = kept.path(field);
            if (!canonical(now).equals(canonical(before))) {
                changes.set(field, now.isMissingNode() ? JsonNodeFactory.instance.nullNode() : now);
            }
        }
        return changes;
    }

    /** A value compared as its meaning: nulls and absent fields alike, keys in order, 5 and 5L the same. */
    private static Object canonical(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> {
                Object value = canonical(e.getValue());
                if (!"".equals(value)) {
                    fields.put(e.getKey(), value);
                }
            });
            return fields.isEmpty() ? "" : fields;
        }
        if (node.isArray()) {
            java.util.List<Object> items = new java.util.ArrayList<>();
            node.forEach(n -> items.add(canonical(n)));
            return items;
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
    }
}
