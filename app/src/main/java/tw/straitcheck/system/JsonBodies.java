package tw.straitcheck.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Request bodies are read as a JSON tree, so that a wrong type in one field is a field error
 * beside all the others instead of one failure for the whole body.
 *
 * <p>Bounded and strict: a body over {@link #MAX_BYTES} is refused (413), as is one nested deeper
 * than {@link #MAX_DEPTH} (no submission is more than five levels deep), one that names a key twice
 * (which of the two would count is anyone's guess), and one with a NUL character or half a surrogate pair
 * in any text or key (PostgreSQL's text and jsonb cannot hold the one, the other is no character), each as a 422 naming where it is.
 */
public final class JsonBodies {

    /** A JSON body's limit, far below the multipart limit (which holds a 5 MB PDF). */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 100;
    /** At most this many such errors are named; one is enough to refuse the body. */
    private static final int MAX_REPORTED = 20;

    public static final Localized TOO_LARGE = Messages.of("http.json-too-large");

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private static final String WHOLE_BODY = "$";

    private JsonBodies() {
    }

    /** The body as a JSON tree; a body that is not JSON at all is refused as a whole. */
    public static JsonNode parse(byte[] body) {
        return parse(body, WHOLE_BODY);
    }

    /** A part of a request (a form field) as a JSON tree; refused, naming {@code field}, if it is not JSON. */
    public static JsonNode parse(byte[] body, String field) {
        if (body == null || body.length == 0) {
            throw notJson(field, Messages.of("error.json.empty"));
        }
        if (body.length > MAX_BYTES) {
            throw ApiException.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, TOO_LARGE);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw notJson(field, Messages.of("error.json.too-deep", MAX_DEPTH));
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (detail.startsWith("Duplicate field")) {
                throw notJson(field, Messages.of("error.json.duplicate-key", duplicateKey(detail), at(e.getLocation())));
            }
            throw notJson(field, Messages.of("error.json.malformed", at(e.getLocation())));
        } catch (IOException e) {
            throw notJson(field, Messages.of("error.json.unreadable"));
        }
        if (tree == null || tree.isMissingNode()) {
            throw notJson(field, Messages.of("error.json.empty"));
        }
        List<FieldError> unstorable = unstorableTexts(tree, WHOLE_BODY.equals(field) ? "" : field);
        if (!unstorable.isEmpty()) {
            throw ApiException.invalid(unstorable);
        }
        return tree;
    }

    /** Every text and key that cannot be kept ({@link #unstorable}), at its path ({@code leaders[0].name}). */
    static List<FieldError> unstorableTexts(JsonNode root, String rootPath) {
        List<FieldError> errors = new ArrayList<>();
        Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
        todo.push(Map.entry(rootPath, root));
        while (!todo.isEmpty() && errors.size() < MAX_REPORTED) {
            Map.Entry<String, JsonNode> next = todo.pop();
            String path = next.getKey();
            JsonNode node = next.getValue();
            if (node.isTextual() && unstorable(node.textValue()) != null) {
                errors.add(FieldError.of(path.isEmpty() ? WHOLE_BODY : path, unstorable(node.textValue())));
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> member = it.next();
                    String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                    if (unstorable(member.getKey()) != null) {
                        errors.add(FieldError.of(printable(memberPath), unstorable(member.getKey())));
                    } else {
                        todo.push(Map.entry(memberPath, member.getValue()));
                    }
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    todo.push(Map.entry(path + "[" + i + "]", node.get(i)));
                }
            }
        }
        return errors;
    }

    /**
     * Why a text cannot be kept, as a message key, or null when it can: a NUL (PostgreSQL's text and
     * jsonb refuse it) or half of a surrogate pair (not a character at all; it would be stored as "?").
     */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "field.nul";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "field.lone-surrogate";
            }
        }
        return null;
    }

    /** A path as an error may name it: NUL and lone surrogates written as escapes. */
    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        path.chars().forEach(c -> out.append(c == 0 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    /** "Duplicate field 'x'" → 'x' (at most 100 characters of it). */
    private static String duplicateKey(String detail) {
        String key = detail.substring("Duplicate field".length()).strip();
        return key.length() > 100 ? key.substring(0, 100) + "…'" : key;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A request body, or a part of it, that is not JSON: refused like any other bad input. */
    private static ApiException notJson(String field, Localized detail) {
        return ApiException.invalid(WHOLE_BODY.equals(field)
                ? FieldError.of(field, "error.json.body", detail)
                : FieldError.of(field, "error.json.part", field, detail));
    }
}
