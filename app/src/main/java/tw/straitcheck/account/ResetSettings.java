package tw.straitcheck.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The keys under {@code straitcheck.password-reset} (application.yml): how long a link works and
 * how often it may be asked for.
 */
@Singleton
class ResetSettings {

    private final Duration expiry;
    private final Duration window;
    private final int perAddress;
    private final int perClient;

    ResetSettings(@Value("${straitcheck.password-reset.expiry:30m}") Duration expiry,
            @Value("${straitcheck.password-reset.window:15m}") Duration window,
            @Value("${straitcheck.password-reset.per-address:3}") int perAddress,
            @Value("${straitcheck.password-reset.per-client:10}") int perClient) {
        if (expiry.isNegative() || expiry.isZero() || window.isNegative() || window.isZero() || perAddress < 1
                || perClient < 1) {
            throw new IllegalArgumentException(
                    "straitcheck.password-reset: expiry and window must be positive, per-address and per-client at least 1");
        }
        this.expiry = expiry;
        this.window = window;
        this.perAddress = perAddress;
        this.perClient = perClient;
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
}
