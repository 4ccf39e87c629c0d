package tw.straitcheck.checking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of rules/ with one rule more that never stops re-activating itself on an announcement. */
final class LoopingRules {

    /** Passes the DRL safety check (update is a session call): only the time limit stops it. */
    static final String LOOP = """
            package tw.straitcheck.rules;

            import tw.straitcheck.checking.facts.*;

            rule "An announcement's check never stops changing"
            when
                $c : Check( type == SubmissionType.ANNOUNCEMENT )
            then
                update($c);
            end
            """;

    private LoopingRules() {
    }

    static Path copy(Path temp) throws IOException {
        Path copy = RulebaseTest.copyRules(temp);
        Files.createDirectories(copy.resolve("test-loop"));
        Files.writeString(copy.resolve("test-loop/Loop.drl"), LOOP, StandardCharsets.UTF_8);
        return copy;
    }
}
