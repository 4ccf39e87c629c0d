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
        if (body == null || body.length == 0) {
            throw new BodyNotJsonException("empty body");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BodyNotJsonException(e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new BodyNotJsonException(e.getMessage());
        }
    }

    /** A request body that is not JSON. Answered with 422 by {@link ApiErrors}. */
    public static final class BodyNotJsonException extends RuntimeException {
        BodyNotJsonException(String detail) {
            super(detail);
        }

        public List<FieldError> errors() {
            return List.of(new FieldError("$", "內容不是有效的 JSON：" + getMessage(), "the body is not valid JSON: " + getMessage()));
        }
    }
}
