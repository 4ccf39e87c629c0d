package tw.straitcheck.checking;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The service's rulebase, built once at start: the packaged rules/, or the folder named by
 * {@code straitcheck.rules.dir} (env STRAITCHECK_RULES_DIR) when policy staff run a working copy;
 * its build starts before the rest of the application ({@link RulebasePrebuild}).
 */
@Factory
class RulebaseFactory {

    /** Built eagerly, with the application: the first check is as fast as the rest, and rules that do not load stop the start. */
    @Context
    Rulebase rulebase(@Value("${straitcheck.rules.dir:}") @Nullable String rulesDir) {
        return RulebasePrebuild.take(rulesDir == null ? "" : rulesDir.strip());
    }

    /** The engine with the limits of one check: {@code straitcheck.checks.time-limit} and {@code .max-firings}. */
    @Singleton
    CheckEngine checkEngine(Rulebase rulebase,
            @Value("${straitcheck.checks.time-limit:2s}") Duration timeLimit,
            @Value("${straitcheck.checks.max-firings:50000}") int maxFirings) {
        return new CheckEngine(rulebase, new CheckLimits(timeLimit, maxFirings));
    }
}
