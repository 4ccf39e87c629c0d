package tw.straitcheck.rulebook;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.straitcheck.checking.RuleDefinition;
import tw.straitcheck.checking.RuleFiles;

/**
 * The DRL text of each rule as policy staff wrote it, for the rulebook's rule page: the block from
 * {@code rule "<name>"} to its {@code end}, found in the rule files the service's rulebase was
 * loaded from (the packaged rules/, or the folder {@code straitcheck.rules.dir} names).
 */
@Singleton
class RuleSources {

    /** A rule's DRL: the file under rules/ it is in and the rule's block. */
    public record DrlBlock(String file, String text) {
    }

    private final Map<String, byte[]> drl;

    RuleSources(@Value("${straitcheck.rules.dir:}") @Nullable String rulesDir) {
        RuleFiles files = rulesDir == null || rulesDir.isBlank() ? RuleFiles.fromClasspath()
                : RuleFiles.fromDirectory(Path.of(rulesDir.strip()));
        this.drl = files.matching("", ".drl");
    }

    Optional<DrlBlock> of(RuleDefinition rule) {
        Pattern start = Pattern.compile("(?m)^rule\\s+\"" + Pattern.quote(rule.ruleName()) + "\"");
        for (Map.Entry<String, byte[]> file : drl.entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            Matcher found = start.matcher(text);
            if (found.find()) {
                Matcher end = Pattern.compile("(?m)^end\\s*$").matcher(text);
                int stop = end.find(found.start()) ? end.end() : text.length();
                return Optional.of(new DrlBlock(file.getKey(), text.substring(found.start(), stop)));
            }
        }
        return Optional.empty();
    }
}
