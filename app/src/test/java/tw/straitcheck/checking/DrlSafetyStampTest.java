package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.ProjectFiles;

/** The packaged rules' DRL is checked against the allow-list when the jar is built, not at every start. */
class DrlSafetyStampTest {

    @TempDir
    Path temp;

    private static Map<String, byte[]> packaged() {
        return RuleFiles.fromClasspath().matching("", ".drl");
    }

    @Test
    void theBuildStampedThePackagedRulesSoAStartDoesNotCheckThemAgain() {
        assertThat(DrlSafetyStamp.checkedAtBuild(packaged())).isTrue();
        assertThat(DrlSafetyStamp.checkedAtBuild(RuleFiles.fromDirectory(ProjectFiles.rules()).matching("", ".drl")))
                .as("a working copy equal to the packaged rules").isTrue();
    }

    @Test
    void anyOtherDrlIsCheckedAtLoad() {
        Map<String, byte[]> changed = new TreeMap<>(packaged());
        String file = changed.keySet().iterator().next();
        changed.put(file, (new String(changed.get(file), StandardCharsets.UTF_8) + "\n// edited\n").getBytes(StandardCharsets.UTF_8));
        assertThat(DrlSafetyStamp.checkedAtBuild(changed)).isFalse();

        Map<String, byte[]> added = new TreeMap<>(packaged());
        added.put("act/Extra.drl", "package tw.straitcheck.rules;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(DrlSafetyStamp.checkedAtBuild(added)).isFalse();

        Map<String, byte[]> renamed = new TreeMap<>(packaged());
        renamed.put("renamed/" + file, renamed.remove(file));
        assertThat(DrlSafetyStamp.checkedAtBuild(renamed)).isFalse();
    }

    @Test
    void theBuildStepRefusesRulesThatReachOutsideTheAllowListAndWritesNoStamp() throws IOException {
        Path rules = RuleCopies.with(temp, "handbook/exchange-content/ExchangeContent.drl",
                "insert(Finding.of(drools).evidence($hit));", "System.exit(0);");
        Path stamp = temp.resolve("out/stamp.sha256");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DrlSafetyStamp.stamp(rules, stamp, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("handbook/exchange-content/ExchangeContent.drl:").contains("System");
        assertThat(stamp).doesNotExist();
    }

    @Test
    void theBuildStepStampsSafeRulesWithTheirDigest() throws IOException {
        Path stamp = temp.resolve("out/stamp.sha256");

        int status = DrlSafetyStamp.stamp(ProjectFiles.rules(), stamp, new PrintStream(new ByteArrayOutputStream()), System.err);

        assertThat(status).isZero();
        assertThat(Files.readString(stamp).strip()).isEqualTo(DrlSafetyStamp.digest(packaged()));
    }
}
