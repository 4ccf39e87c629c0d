package tw.straitcheck.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every request is checked for before any route reads it, and what every answer carries.
 * Refused here, in the {@link ErrorBody} shape: a URL over {@value #MAX_URL_CHARS} characters (414;
 * Netty's own line limit is set higher so that this answer is ours), a NUL in the URL (PostgreSQL
 * refuses NUL in text, and nothing legitimate sends one), an {@code Idempotency-Key} that is too
 * long or holds control characters (422; the filer's key is kept as a SHA-256), a multipart body without a boundary (400), and a body
 * that is not multipart over {@link JsonBodies#MAX_BYTES} (413: JSON is capped well below the
 * multipart limit, which must hold a 5 MB PDF). Every answer gets {@code X-Correlation-Id}, and
 * every error body its {@code correlationId}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestGuard implements Ordered {

    static final int MAX_URL_CHARS = 4096;
    /** Idempotency-Key: at most 200 characters, as before accounts (when it was kept as sent). */
    static final int MAX_HEADER_CHARS = 200;
    static final List<String> CHECKED_HEADERS = List.of("Idempotency-Key");

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String uri = request.getUri().toString();
        if (uri.length() > MAX_URL_CHARS) {
            return refuse(request, HttpStatus.REQUEST_URI_TOO_LONG, Messages.of("http.uri-too-long-at-most", MAX_URL_CHARS),
                    List.of());
        }
        if (uri.toLowerCase(Locale.ROOT).contains("%00") || uri.indexOf('\0') >= 0) {
            return refuse(request, HttpStatus.BAD_REQUEST, Messages.of("http.nul-in-url"), List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : CHECKED_HEADERS) {
            String value = request.getHeaders().get(name);
            if (value == null) {
                continue;
            }
            if (value.codePointCount(0, value.length()) > MAX_HEADER_CHARS) {
                errors.add(FieldError.of(name, "field.max-length", MAX_HEADER_CHARS));
            } else if (value.chars().anyMatch(Character::isISOControl)) {
                errors.add(FieldError.of(name, "field.control-characters"));
            }
        }
        if (!errors.isEmpty()) {
            return refuse(request, HttpStatus.UNPROCESSABLE_ENTITY, ErrorBody.INVALID_MESSAGE, errors);
        }
        String contentType = request.getHeaders().get("Content-Type");
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("multipart/");
        if (multipart && boundary(contentType).isEmpty()) {
            return refuse(request, HttpStatus.BAD_REQUEST, Messages.of("http.no-boundary"), List.of());
        }
        long length = request.getContentLength();
        if (!multipart && length > JsonBodies.MAX_BYTES) {
            return refuse(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, JsonBodies.TOO_LARGE, List.of());
        }
        CorrelationIds.of(request);
        return null;
    }

    @ResponseFilter
    void tag(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = CorrelationIds.of(request);
        response.getHeaders().set(CorrelationIds.HEADER, id);
        if (response.getBody().orElse(null) instanceof ErrorBody body && body.correlationId() == null) {
            ((MutableHttpResponse<Object>) response).body(body.withCorrelationId(id));
        }
    }

    /** The boundary parameter of a multipart content type, "" when there is none. */
    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return p.substring("boundary=".length()).replace("\"", "").strip();
            }
        }
        return "";
    }

    private static HttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, Localized message, List<FieldError> errors) {
        String id = CorrelationIds.of(request);
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(CorrelationIds.HEADER, id)
                .body(new ErrorBody(message, ErrorBody.errors(errors)).withCorrelationId(id));
    }
}
