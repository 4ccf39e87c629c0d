package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Working copies of rules/ for tests that edit one file and load the result. */
final class RuleCopies {

    private RuleCopies() {
    }

    /** A copy of rules/ under {@code temp} with one replacement in one file; the replaced text must be there. */
    static Path with(Path temp, String file, String text, String replacement) throws IOException {
        Path copy = RulebaseTest.copyRules(temp);
        Path target = copy.resolve(file);
        String content = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(content).as(file).contains(text);
        Files.writeString(target, content.replace(text, replacement), StandardCharsets.UTF_8);
        return copy;
    }

    static Rulebase load(Path rules) {
        return RulebaseLoader.load(RuleFiles.fromDirectory(rules));
    }
}
