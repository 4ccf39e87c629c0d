package tw.straitcheck.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The security headers of every response, page or API: no script but the app's own files (none
 * inline), never framed, no content sniffing, no referrer sent to other sites. A response that
 * already carries a policy keeps it: the one page that needs a narrower exception (the bundled
 * Swagger UI, operations/ApiDescriptionController) says so itself.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains("Content-Security-Policy")) {
            response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
    }

    @Override
    public int getOrder() {
        // outermost: the headers go on refusals by the security filter too
        return ServerFilterPhase.FIRST.order();
    }
}
