package tw.straitcheck.checking;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The service's rulebase, built once at start: the packaged rules/, or the folder named by
 * {@code straitcheck.rules.dir} (env STRAITCHECK_RULES_DIR) when policy staff run a working copy;
 * its build starts before the rest of the application ({@link RulebasePrebuild}). It seeds the
 * rulebase versions kept in the database; checks take the version in force on their day
 * ({@link RulebaseSchedule}, whose bean the policy package provides).
 */
@Factory
class RulebaseFactory {

    /** Built eagerly, with the application: the first check is as fast as the rest, and rules that do not load stop the start. */
    @Context
    Rulebase rulebase(@Value("${straitcheck.rules.dir:}") @Nullable String rulesDir) {
        return RulebasePrebuild.take(rulesDir == null ? "" : rulesDir.strip());
    }

    /** The files the packaged (or configured) rulebase was built from: the seed of the stored versions. */
    @Singleton
    RuleFiles packagedRuleFiles(@Value("${straitcheck.rules.dir:}") @Nullable String rulesDir) {
        return RulebasePrebuild.files(rulesDir == null ? "" : rulesDir.strip());
    }
}
