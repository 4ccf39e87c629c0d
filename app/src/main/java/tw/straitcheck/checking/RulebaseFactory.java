package tw.straitcheck.checking;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

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

    @Singleton
    CheckEngine checkEngine(Rulebase rulebase) {
        return new CheckEngine(rulebase);
    }
}
