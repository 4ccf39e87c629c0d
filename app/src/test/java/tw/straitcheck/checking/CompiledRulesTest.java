package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.cli.SubmissionGenerator;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;

/** The packaged rules as the build compiled them judge as the same rules compiled at start. */
class CompiledRulesTest {

    private static final Map<String, byte[]> PACKAGED = RuleFiles.fromDirectory(ProjectFiles.rules()).matching("", ".drl");

    @Test
    void theBuildCompiledThePackagedRulesAndAStartReadsThem() {
        assertThat(CompiledRules.class.getClassLoader().getResource(CompiledRules.RESOURCE)).isNotNull();
        assertThat(CompiledRules.forDrl(PACKAGED)).isPresent();
    }

    @Test
    void drlThatDiffersByAnythingIsCompiledAtStart() {
        Map<String, byte[]> changed = new TreeMap<>(PACKAGED);
        String first = changed.keySet().iterator().next();
        changed.put(first, (new String(changed.get(first), StandardCharsets.UTF_8) + "\n// changed\n").getBytes(StandardCharsets.UTF_8));
        assertThat(CompiledRules.forDrl(changed)).isEmpty();
        Map<String, byte[]> renamed = new TreeMap<>(PACKAGED);
        renamed.put("moved/" + first, renamed.remove(first));
        assertThat(CompiledRules.forDrl(renamed)).isEmpty();
    }

    @Test
    void aRulebaseReadBackGivesTheVerdictsAndFindingsOfOneCompiledAtStart() {
        Rulebase read = RulebaseLoader.load(RuleFiles.fromDirectory(ProjectFiles.rules()));
        // the same rules with a comment added: not the packaged DRL, so compiled now
        Map<String, byte[]> all = new TreeMap<>(RuleFiles.fromDirectory(ProjectFiles.rules()).all());
        String drl = all.keySet().stream().filter(name -> name.endsWith(".drl")).findFirst().orElseThrow();
        all.put(drl, (new String(all.get(drl), StandardCharsets.UTF_8) + "\n// compiled at start\n").getBytes(StandardCharsets.UTF_8));
        Rulebase compiled = RulebaseLoader.load(RuleFiles.of("compiled at start", all));

        CheckEngine fromBuild = new CheckEngine(read);
        CheckEngine atStart = new CheckEngine(compiled);
        LocalDate asOf = LocalDate.of(2026, 5, 20);
        List<String> differ = new ArrayList<>();
        int findings = 0;
        for (var json : new SubmissionGenerator(20261201).generate(1_500, true)) {
            var input = SubmissionFacts.of(SubmissionReader.read(json).submission(), asOf);
            CheckResult a = fromBuild.check(input);
            CheckResult b = atStart.check(input);
            findings += a.findings().size();
            if (a.verdict() != b.verdict() || !a.findings().equals(b.findings())) {
                differ.add(json.toString());
            }
        }
        assertThat(differ).isEmpty();
        assertThat(findings).as("the submissions raise findings to compare").isGreaterThan(5_000);
    }

    @Test
    void whatIsWrittenReadsBackAndSomethingUnreadableIsCompiledInstead(@TempDir Path dir) throws IOException {
        KieBase base = RulebaseLoader.compile(PACKAGED, "test", "rules/");
        Path file = dir.resolve("compiled.bin");
        CompiledRules.write(PACKAGED, base, file);
        try (InputStream in = Files.newInputStream(file)) {
            KieBase back = CompiledRules.read(PACKAGED, in).orElseThrow();
            assertThat(back.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum())
                    .isEqualTo(base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum());
        }
        byte[] cut = Files.readAllBytes(file);
        assertThat(CompiledRules.read(PACKAGED, new ByteArrayInputStream(cut, 0, cut.length / 2))).isEmpty();
        assertThat(CompiledRules.read(PACKAGED, new ByteArrayInputStream("not compiled rules".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
    }
}
