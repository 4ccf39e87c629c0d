package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.text.KeywordList;

class RulebaseTest {

    /** Every ruleId of the rule catalogue (shared/spec/rule-catalogue.md, tables A–F). */
    static final List<String> CATALOGUE_RULE_IDS = List.of(
            // A. Scope
            "SCOPE.NO_STUDENTS", "SCOPE.STUDY_CREDIT_SYSTEM",
            // B. Deadlines
            "OBL.REGISTER_ACTIVITY", "DEADLINE.REGISTRATION_LATE", "OBL.REPORT_CHANGES", "DEADLINE.CHANGE_LATE",
            "OBL.POST_ACTIVITY_REPORT", "DEADLINE.POST_REPORT_LATE", "OBL.ANNOUNCEMENT_REGISTRATION",
            "DEADLINE.ANNOUNCEMENT_LATE", "ANNOUNCEMENT.GROUP_TRAVEL_NOTICE",
            // C. Leaders who are civil servants
            "PERMIT.VIDEO_EXEMPT", "PERMIT.REVIEW_COMMITTEE", "PERMIT.MOI", "PERMIT.EDUCATION_AUTHORITY",
            "PERMIT.LEAD_TIME_MISSED", "OBL.RETURN_REPORT", "STAFF.STUDY_PROHIBITED",
            // D. Political content
            "PARTNER.POLITICAL_BODY", "CONTENT.POLITICAL", "CONTENT.DIGNITY", "OBL.ASSESS_INTERNSHIP_HOST",
            // E. Agreements between schools
            "OBL.DECLARE_AGREEMENT", "AGREEMENT.WAITING_PERIOD", "AGREEMENT.DEEMED_APPROVED",
            // F. Funding sources and forms
            "FUNDING.MAINLAND_HOSPITALITY", "FUNDING.POLITICAL_FUNDER", "SELF_CHECK.MISSING",
            "CALENDAR.YEAR_NOT_LOADED");

    /** The kind each catalogue table gives each rule. */
    static final Map<String, FindingKind> CATALOGUE_KINDS = Map.ofEntries(
            Map.entry("SCOPE.NO_STUDENTS", FindingKind.INFO),
            Map.entry("SCOPE.STUDY_CREDIT_SYSTEM", FindingKind.INFO),
            Map.entry("OBL.REGISTER_ACTIVITY", FindingKind.OBLIGATION),
            Map.entry("DEADLINE.REGISTRATION_LATE", FindingKind.VIOLATION),
            Map.entry("OBL.REPORT_CHANGES", FindingKind.OBLIGATION),
            Map.entry("DEADLINE.CHANGE_LATE", FindingKind.VIOLATION),
            Map.entry("OBL.POST_ACTIVITY_REPORT", FindingKind.OBLIGATION),
            Map.entry("DEADLINE.POST_REPORT_LATE", FindingKind.VIOLATION),
            Map.entry("OBL.ANNOUNCEMENT_REGISTRATION", FindingKind.OBLIGATION),
            Map.entry("DEADLINE.ANNOUNCEMENT_LATE", FindingKind.VIOLATION),
            Map.entry("ANNOUNCEMENT.GROUP_TRAVEL_NOTICE", FindingKind.OBLIGATION),
            Map.entry("PERMIT.VIDEO_EXEMPT", FindingKind.INFO),
            Map.entry("PERMIT.REVIEW_COMMITTEE", FindingKind.OBLIGATION),
            Map.entry("PERMIT.MOI", FindingKind.OBLIGATION),
            Map.entry("PERMIT.EDUCATION_AUTHORITY", FindingKind.OBLIGATION),
            Map.entry("PERMIT.LEAD_TIME_MISSED", FindingKind.VIOLATION),
            Map.entry("OBL.RETURN_REPORT", FindingKind.OBLIGATION),
            Map.entry("STAFF.STUDY_PROHIBITED", FindingKind.VIOLATION),
            Map.entry("PARTNER.POLITICAL_BODY", FindingKind.FLAG),
            Map.entry("CONTENT.POLITICAL", FindingKind.FLAG),
            Map.entry("CONTENT.DIGNITY", FindingKind.FLAG),
            Map.entry("OBL.ASSESS_INTERNSHIP_HOST", FindingKind.OBLIGATION),
            Map.entry("OBL.DECLARE_AGREEMENT", FindingKind.OBLIGATION),
            Map.entry("AGREEMENT.WAITING_PERIOD", FindingKind.VIOLATION),
            Map.entry("AGREEMENT.DEEMED_APPROVED", FindingKind.INFO),
            Map.entry("FUNDING.MAINLAND_HOSPITALITY", FindingKind.FLAG),
            Map.entry("FUNDING.POLITICAL_FUNDER", FindingKind.FLAG),
            Map.entry("SELF_CHECK.MISSING", FindingKind.VIOLATION),
            Map.entry("CALENDAR.YEAR_NOT_LOADED", FindingKind.INFO));

    private final Rulebase rulebase = ProjectFiles.rulebase();

    @Test
    void everyRuleOfTheCatalogueIsDefinedExactlyOnce() {
        Map<String, Long> defined = rulebase.definitions().stream()
                .collect(Collectors.groupingBy(RuleDefinition::ruleId, Collectors.counting()));
        assertThat(CATALOGUE_RULE_IDS).hasSize(29).doesNotHaveDuplicates();
        for (String ruleId : CATALOGUE_RULE_IDS) {
            assertThat(defined.get(ruleId)).as(ruleId).isEqualTo(1L);
            assertThat(rulebase.definition(ruleId).ruleId()).isEqualTo(ruleId);
        }
    }

    @Test
    void noRuleRaisesFindingsUnderAnIdTheCatalogueDoesNotKnow() {
        assertThat(rulebase.definitions()).extracting(RuleDefinition::ruleId)
                .containsExactlyInAnyOrderElementsOf(CATALOGUE_RULE_IDS);
    }

    @Test
    void everyRuleHasTheKindTheCatalogueGivesIt() {
        for (RuleDefinition d : rulebase.definitions()) {
            assertThat(d.kind()).as(d.ruleId()).isEqualTo(CATALOGUE_KINDS.get(d.ruleId()));
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
