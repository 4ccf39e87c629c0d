package tw.straitcheck.policy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.time.Duration;
import jakarta.inject.Singleton;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckLimits;

/** The service's check engine: each check judged by the rulebase version in force on its day. */
@Factory
class PolicyFactory {

    /** With the limits of one check: {@code straitcheck.checks.time-limit} and {@code .max-firings}. */
    @Singleton
    CheckEngine checkEngine(LiveRulebases live,
            @Value("${straitcheck.checks.time-limit:2s}") Duration timeLimit,
            @Value("${straitcheck.checks.max-firings:50000}") int maxFirings) {
        return new CheckEngine(live, new CheckLimits(timeLimit, maxFirings));
    }
}
