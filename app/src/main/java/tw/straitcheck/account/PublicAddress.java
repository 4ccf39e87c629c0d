package tw.straitcheck.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Where the service is reached from outside, as links in mail and the start-up message name it:
 * {@code straitcheck.public-url} (e.g. {@code https://straitcheck.example.gov.tw}), or else
 * {@code http://localhost:<port>}. Never a request's Host header, which anyone can forge.
 */
@Singleton
class PublicAddress {

    private static final int DEFAULT_PORT = 8080;

    private final String url;

    PublicAddress(@Value("${straitcheck.public-url:}") String configured,
            @Value("${micronaut.server.port:8080}") int port) {
        String url = configured.isBlank() ? "http://localhost:" + (port > 0 ? port : DEFAULT_PORT) : configured.strip();
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Without a trailing slash: {@code url() + "/login"}. */
    String url() {
        return url;
    }
}
