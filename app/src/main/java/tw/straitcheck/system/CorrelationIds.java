package tw.straitcheck.system;

import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request's correlation id: the caller's {@code X-Correlation-Id} when it is a short token,
 * otherwise a new one. Every answer carries it in that header, and every error body in
 * {@code correlationId}; the log names it beside whatever detail the answer leaves out.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    private static final String ATTRIBUTE = "straitcheck.correlationId";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationIds() {
    }

    /** The request's id, given it now if it has none yet. */
    public static String of(HttpRequest<?> request) {
        Object id = request.getAttribute(ATTRIBUTE).orElse(null);
        if (id instanceof String s) {
            return s;
        }
        String given = request.getHeaders().get(HEADER);
        String created = given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, created);
        return created;
    }
}
