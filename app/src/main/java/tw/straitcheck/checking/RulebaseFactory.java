package tw.straitcheck.checking;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The service's rulebase, built once at start: the packaged rules/, or the folder named by
 * {@code straitcheck.rules.dir} (env STRAITCHECK_RULES_DIR) when policy staff run a working copy.
 */
@Factory
class RulebaseFactory {

    /** Built eagerly, with the application: the first check is as fast as the rest, and rules that do not load stop the start. */
    @Context
    Rulebase rulebase(@Value("${straitcheck.rules.dir:}") @Nullable String rulesDir) {
        return RulebaseLoader.load(rulesDir == null || rulesDir.isBlank()
                ? RuleFiles.fromClasspath()
                : RuleFiles.fromDirectory(Path.of(rulesDir)));
    }

    @Singleton
    CheckEngine checkEngine(Rulebase rulebase) {
        return new CheckEngine(rulebase);
    }
}
