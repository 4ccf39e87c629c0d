package tw.straitcheck.system;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer to every refused request: an {@link ApiException} with its own status, and every
 * error Micronaut answers itself (400, 404, 405, 413, 415, 500 …) in the same {@link ErrorBody}
 * shape, in zh-TW and English, with nothing internal in it.
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    /** The current state of a record, for a conflict's answer; records/ provides it. */
    public interface CurrentState {
        Optional<Object> of(String receipt);
    }

    @Produces
    @Singleton
    static final class Refusals implements ExceptionHandler<ApiException, HttpResponse<ErrorBody>> {

        private final Optional<CurrentState> currentState;

        Refusals(Optional<CurrentState> currentState) {
            this.currentState = currentState;
        }

        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ApiException exception) {
            Object current = exception.receipt() == null ? null
                    : currentState.flatMap(s -> s.of(exception.receipt())).orElse(null);
            String id = CorrelationIds.of(request);
            return HttpResponse.<ErrorBody>status(exception.status()).body(exception.body(current).withCorrelationId(id))
                    .header(CorrelationIds.HEADER, id)
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** Micronaut's own error answers, in our shape. */
    @Singleton
    @Primary
    static final class Defaults implements ErrorResponseProcessor<ErrorBody> {

        @Override
        public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
            HttpStatus status = tooLong(context).orElse(response.getStatus());
            response.status(status);
            String id = CorrelationIds.of(context.getRequest());
            if (status.getCode() >= 500) {
                // the detail stays here, under the id the answer carries; the answer says nothing internal
                LOG.error("[{}] {} {} failed", id, context.getRequest().getMethod(), context.getRequest().getPath(),
                        context.getRootCause().orElse(null));
            } else {
                context.getRootCause().ifPresent(e -> LOG.debug("[{}] {} {} refused: {}", id,
                        context.getRequest().getMethod(), context.getRequest().getPath(), e.toString()));
            }
            response.getHeaders().set(CorrelationIds.HEADER, id);
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody(message(status), List.of()).withCorrelationId(id));
        }

        /**
         * Netty's decoder refuses a request line or headers over its limits, and Micronaut answers
         * both as 413; they are 414 (the URL) and 431 (the headers).
         */
        private static Optional<HttpStatus> tooLong(ErrorContext context) {
            Throwable cause = context.getRootCause().orElse(null);
            if (cause == null && context.getRequest() instanceof io.micronaut.http.server.netty.NettyHttpRequest<?> netty) {
                cause = netty.getNativeRequest().decoderResult().cause();
            }
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
                    return Optional.of(HttpStatus.REQUEST_URI_TOO_LONG);
                }
                if (t instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
                    return Optional.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
                }
            }
            return Optional.empty();
        }

        static Localized message(HttpStatus status) {
            return switch (status) {
                case BAD_REQUEST -> Messages.of("http.bad-request");
                case NOT_FOUND -> Messages.of("http.not-found");
                case METHOD_NOT_ALLOWED -> Messages.of("http.method-not-allowed");
                case NOT_ACCEPTABLE -> Messages.of("http.not-acceptable");
                case REQUEST_ENTITY_TOO_LARGE -> Messages.of("http.too-large");
                case UNSUPPORTED_MEDIA_TYPE -> Messages.of("http.unsupported-media-type");
                case REQUEST_URI_TOO_LONG -> Messages.of("http.uri-too-long");
                case REQUEST_HEADER_FIELDS_TOO_LARGE -> Messages.of("http.headers-too-large");
                case UNPROCESSABLE_ENTITY -> ErrorBody.INVALID_MESSAGE;
                case CONFLICT -> Messages.of("http.conflict");
                case SERVICE_UNAVAILABLE -> Messages.of("http.busy");
                case UNAUTHORIZED -> Messages.of("http.unauthorized");
                case FORBIDDEN -> Messages.of("http.forbidden");
                default -> status.getCode() >= 500
                        ? Messages.of("http.server-error")
                        : Messages.of("http.other");
            };
        }
    }
}
