package tw.straitcheck.checking;

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

    @Singleton
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
