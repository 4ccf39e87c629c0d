package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.text.KeywordList;
import tw.straitcheck.rulebook.CaseFile;
import tw.straitcheck.rulebook.CaseRunner;

class RulebaseTest {

    private final Rulebase rulebase = ProjectFiles.rulebase();

    /** Every case of the corpus, read once. */
    private static List<CaseFile> corpus;

    private static synchronized List<CaseFile> corpus() throws IOException {
        if (corpus == null) {
            Path root = ProjectFiles.testCases();
            CaseFile.Baselines baselines = CaseFile.Baselines.near(root);
            List<CaseFile> cases = new ArrayList<>();
            for (Path file : CaseRunner.caseFiles(root)) {
                cases.add(CaseFile.read(file, baselines));
            }
            corpus = List.copyOf(cases);
        }
        return corpus;
    }

    /**
     * The classifications of rules/derived/ are inserted once, not logically: that holds only while
     * no rule changes a fact after it is inserted (rules/derived/README.md).
     */
    @Test
    void noRuleModifiesUpdatesOrRetractsAFactSoDerivedFactsStayTrueToTheEndOfACheck() {
        java.util.regex.Pattern change = java.util.regex.Pattern.compile("\\b(modify|update|retract|delete|insertLogical)\\s*\\(");
        RuleFiles.fromDirectory(ProjectFiles.rules()).matching("", ".drl").forEach((file, content) -> {
            String code = DrlReferences.withoutComments(new String(content, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(change.matcher(code).find()).as(file).isFalse();
        });
    }

    @Test
    void noTwoRulesShareARuleId() {
        Map<String, Long> defined = rulebase.definitions().stream()
                .collect(Collectors.groupingBy(RuleDefinition::ruleId, Collectors.counting()));
        assertThat(defined).isNotEmpty();
        defined.forEach((ruleId, count) -> assertThat(count).as(ruleId).isEqualTo(1L));
        for (String ruleId : defined.keySet()) {
            assertThat(rulebase.definition(ruleId).ruleId()).isEqualTo(ruleId);
        }
    }

    /** Style habit 4: "at least one [case] that passes and one that fails" for every rule. */
    @Test
    void everyRuleHasACaseRaisingItAndACaseListingItAbsent() throws IOException {
        Set<String> raised = new HashSet<>();
        Set<String> absent = new HashSet<>();
        for (CaseFile c : corpus()) {
            c.expect().findings().forEach(f -> raised.add(f.ruleId()));
            absent.addAll(c.expect().absent());
        }
        List<String> ruleIds = rulebase.definitions().stream().map(RuleDefinition::ruleId).sorted().toList();
        assertThat(ruleIds).as("rules with no case in test-cases/ expecting them in findings")
                .filteredOn(id -> !raised.contains(id)).isEmpty();
        assertThat(ruleIds).as("rules with no case in test-cases/ listing them in absent")
                .filteredOn(id -> !absent.contains(id)).isEmpty();
    }

    @Test
    void everyRuleIdACaseNamesIsARuleOfTheRulebase() throws IOException {
        Set<String> defined = rulebase.definitions().stream().map(RuleDefinition::ruleId).collect(Collectors.toSet());
        for (CaseFile c : corpus()) {
            for (CaseFile.ExpectedFinding f : c.expect().findings()) {
                assertThat(defined).as(c.path() + " findings").contains(f.ruleId());
            }
            assertThat(defined).as(c.path() + " absent").containsAll(c.expect().absent());
        }
    }

    /**
     * A rule's kind agrees with the verdicts of the cases that raise it: a VIOLATION makes a case
     * NON_COMPLIANT, a FLAG makes it at least NEEDS_REVIEW.
     */
    @Test
    void everyRuleHasAKindThatAgreesWithTheVerdictsOfTheCasesRaisingIt() throws IOException {
        for (CaseFile c : corpus()) {
            for (CaseFile.ExpectedFinding f : c.expect().findings()) {
                FindingKind kind = rulebase.definition(f.ruleId()).kind();
                if (kind == FindingKind.VIOLATION) {
                    assertThat(c.expect().verdict()).as(c.path() + " raises " + f.ruleId()).isEqualTo("NON_COMPLIANT");
                } else if (kind == FindingKind.FLAG) {
                    assertThat(c.expect().verdict()).as(c.path() + " raises " + f.ruleId()).isIn("NEEDS_REVIEW", "NON_COMPLIANT");
                }
            }
        }
    }

    @Test
    void everyRuleHasAChineseAndAnEnglishTitleAndCitesPassagesThatExist() {
        for (RuleDefinition d : rulebase.definitions()) {
            assertThat(d.title().zh()).as(d.ruleId() + " zh").isNotBlank();
            assertThat(d.title().en()).as(d.ruleId() + " en").isNotBlank();
            assertThat(d.citations()).as(d.ruleId() + " citations").isNotEmpty();
            for (RuleDefinition.SourceRef ref : d.citations()) {
                assertThat(rulebase.sources().passage(ref.source(), ref.ref()))
                        .as(d.ruleId() + " cites " + ref)
                        .hasValueSatisfying(p -> assertThat(p.text()).isNotBlank());
            }
            if (d.penalty() != null) {
                assertThat(rulebase.sources().passage(d.penalty().source(), d.penalty().ref()))
                        .as(d.ruleId() + " penalty " + d.penalty())
                        .hasValueSatisfying(p -> assertThat(p.text()).isNotBlank());
            }
        }
    }

    @Test
    void thePenaltyThatTheReturnReportRuleSetsResolvesToAPassageWithItsFine() {
        // the art 91(4) penalty comes from the data list of art 9(4) identities; the loader resolves it
        assertThat(rulebase.identities().returnReportPenalty()).isEqualTo("ACT art 91(4)");
        assertThat(rulebase.sources().passage("ACT", "art 91(4)")).hasValueSatisfying(p -> {
            assertThat(p.text()).isNotBlank();
            assertThat(p.fine()).isEqualTo(new Passage.Fine(20_000L, 100_000L, "TWD"));
        });
    }

    @Test
    void theVersionIsTheReleaseAndTheStartOfTheDigest() {
        RuleFiles files = RuleFiles.fromDirectory(ProjectFiles.rules());
        assertThat(rulebase.version()).isEqualTo("2026.11.1+" + files.digest().substring(0, 7));
    }

    @Test
    void loadingTheSameFolderTwiceGivesTheSameVersion() {
        Rulebase again = RulebaseLoader.load(RuleFiles.fromDirectory(ProjectFiles.rules()));
        assertThat(again.version()).isEqualTo(rulebase.version());
    }

    @Test
    void theDigestOfACopyInAnotherFolderIsTheSame(@TempDir Path temp) throws IOException {
        Path copy = copyRules(temp);
        assertThat(RuleFiles.fromDirectory(copy).digest())
                .isEqualTo(RuleFiles.fromDirectory(ProjectFiles.rules()).digest())
                .hasSize(64);
    }

    @Test
    void oneKeywordMoreGivesADifferentVersion(@TempDir Path temp) throws IOException {
        Path copy = copyRules(temp);
        Files.writeString(copy.resolve("lists/political-content.yaml"), "\n  - 測試用關鍵詞\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Rulebase edited = RulebaseLoader.load(RuleFiles.fromDirectory(copy));

        assertThat(edited.version()).isNotEqualTo(rulebase.version()).startsWith("2026.11.1+");
        assertThat(edited.keywords().list("political-content").entries())
                .extracting(KeywordList.Entry::keyword)
                .contains("測試用關鍵詞")
                .hasSize(rulebase.keywords().list("political-content").entries().size() + 1);
    }

    /** A copy of rules/ with one more DRL file holding a single finding rule. */
    private static Path withExtraRule(Path temp, String name, String ruleId, String kind, String cites) throws IOException {
        Path copy = copyRules(temp);
        Files.createDirectories(copy.resolve("handbook/extra"));
        Files.writeString(copy.resolve("handbook/extra/Extra.drl"), """
                package tw.straitcheck.rules;

                import tw.straitcheck.checking.Finding;
                import tw.straitcheck.checking.facts.*;

                rule "%s"
                    @ruleId("%s") @kind("%s")
                    @cites("%s")
                when
                    Check()
                then
                    insert(Finding.of(drools));
                end
                """.formatted(name, ruleId, kind, cites), StandardCharsets.UTF_8);
        addMessage(copy, ruleId + ".title", "測試規則", name);
        return copy;
    }

    /** One more message, in both languages, in a copy of rules/. */
    static void addMessage(Path rules, String key, String zh, String en) throws IOException {
        Files.writeString(rules.resolve("messages/rules_zh_TW.properties"), "\n" + key + "=" + zh + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(rules.resolve("messages/rules_en.properties"), "\n" + key + "=" + en + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aSecondRuleReusingARuleIdIsRefusedNamingTheRuleId(@TempDir Path temp) throws IOException {
        Path copy = withExtraRule(temp, "Another rule that says the content is political",
                "CONTENT.POLITICAL", "FLAG", "HANDBOOK 壹二(三)");

        assertThatThrownBy(() -> RulebaseLoader.load(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTENT.POLITICAL")
                .hasMessageContaining("Another rule that says the content is political");
    }

    @Test
    void aCitationOfAPassageThatDoesNotExistIsRefused(@TempDir Path temp) throws IOException {
        Path copy = withExtraRule(temp, "A rule citing an article the act does not have",
                "TEST.MISSING_CITATION", "INFO", "ACT art 999(9)");

        assertThatThrownBy(() -> RulebaseLoader.load(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACT art 999(9)");
    }

    @Test
    void aPeriodOfClearWorkingDaysCountedAfterADateIsRefusedWhenLoading(@TempDir Path temp) throws IOException {
        Path copy = copyRules(temp);
        Path periods = copy.resolve("periods.yaml");
        String text = Files.readString(periods, StandardCharsets.UTF_8);
        String edited = text.replace("length: 7 clear working days\n    direction: before",
                "length: 7 clear working days\n    direction: after");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(periods, edited, StandardCharsets.UTF_8);

        // RulebaseLoader: "Everything is checked here, before the first submission: ... every period ... is well formed"
        assertThatThrownBy(() -> RulebaseLoader.load(RuleFiles.fromDirectory(copy)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permit-lead-time");
    }

    @Test
    void rulebaseDefinitionRefusesAnUnknownRuleId() {
        assertThatThrownBy(() -> rulebase.definition("NO.SUCH_RULE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no rule with ruleId NO.SUCH_RULE");
    }

    static Path copyRules(Path temp) throws IOException {
        Path source = ProjectFiles.rules();
        Path target = temp.resolve("rules-copy");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
