package tw.straitcheck.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;


/**
 * Request bodies are read as a JSON tree, so that a wrong type in one field is a field error
 * beside all the others instead of one failure for the whole body.
 */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            throw notJson(field, "empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw notJson(field, e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw notJson(field, e.getMessage());
        }
    }

    /** A request body, or a part of it, that is not JSON: refused like any other bad input. */
    private static ApiException notJson(String field, String detail) {
        return ApiException.invalid(WHOLE_BODY.equals(field)
                ? FieldError.of(field, "error.json.body", detail)
                : FieldError.of(field, "error.json.part", field, detail));
    }
}
