package tw.straitcheck.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import tw.straitcheck.submission.FieldError;

/**
 * Request bodies are read as a JSON tree, so that a wrong type in one field is a field error
 * beside all the others instead of one failure for the whole body.
 */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /** The body as a JSON tree; a body that is not JSON at all is refused as a whole. */
    public static JsonNode parse(byte[] body) {
        return parse(body, BodyNotJsonException.WHOLE_BODY);
    }

    /** A part of a request (a form field) as a JSON tree; refused, naming {@code field}, if it is not JSON. */
    public static JsonNode parse(byte[] body, String field) {
        if (body == null || body.length == 0) {
            throw new BodyNotJsonException(field, "empty");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BodyNotJsonException(field, e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new BodyNotJsonException(field, e.getMessage());
        }
    }

    /** A request body that is not JSON. Answered with 422 by {@link ApiErrors}. */
    public static final class BodyNotJsonException extends RuntimeException {
        static final String WHOLE_BODY = "$";

        private final String field;

        BodyNotJsonException(String field, String detail) {
            super(detail);
            this.field = field;
        }

        public List<FieldError> errors() {
            boolean whole = WHOLE_BODY.equals(field);
            return List.of(new FieldError(field,
                    (whole ? "內容" : field + " 欄位") + "不是有效的 JSON：" + getMessage(),
                    (whole ? "the body" : "the " + field + " part") + " is not valid JSON: " + getMessage()));
        }
    }
}
