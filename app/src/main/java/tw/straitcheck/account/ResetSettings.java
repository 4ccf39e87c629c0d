package tw.straitcheck.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The keys under {@code straitcheck.password-reset} (application.yml): how long a link works, how
 * often it may be asked for, and the address the links in the mail start with.
 */
@Singleton
class ResetSettings {

    private final Duration expiry;
    private final Duration window;
    private final int perAddress;
    private final int perClient;
    private final String publicUrl;

    ResetSettings(@Value("${straitcheck.password-reset.expiry:30m}") Duration expiry,
            @Value("${straitcheck.password-reset.window:15m}") Duration window,
            @Value("${straitcheck.password-reset.per-address:3}") int perAddress,
            @Value("${straitcheck.password-reset.per-client:10}") int perClient,
            @Value("${straitcheck.public-url:`http://localhost:8080`}") String publicUrl) {
        if (expiry.isNegative() || expiry.isZero() || window.isNegative() || window.isZero() || perAddress < 1
                || perClient < 1) {
            throw new IllegalArgumentException(
                    "straitcheck.password-reset: expiry and window must be positive, per-address and per-client at least 1");
        }
        this.expiry = expiry;
        this.window = window;
        this.perAddress = perAddress;
        this.perClient = perClient;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** How long a link works after it was sent (30 minutes unless set). */
    Duration expiry() {
        return expiry;
    }

    Duration window() {
        return window;
    }

    int perAddress() {
        return perAddress;
    }

    int perClient() {
        return perClient;
    }

    /** Where the service is reached from outside, e.g. {@code https://straitcheck.example.gov.tw}. */
    String publicUrl() {
        return publicUrl;
    }
}
