package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.facts.Check;
import tw.straitcheck.checking.facts.Leader;
import tw.straitcheck.checking.facts.Mode;
import tw.straitcheck.checking.facts.Rank;
import tw.straitcheck.checking.facts.Registration;
import tw.straitcheck.checking.facts.SpecialIdentity;
import tw.straitcheck.checking.facts.SubmissionType;
import tw.straitcheck.system.Localized;

/**
 * The guards of the rulebase: a misspelt code, period, list, message key or identity stops the
 * load with a message that names it, instead of a rule that silently never fires.
 */
class RulebaseGuardsTest {

    @TempDir
    Path temp;

    private Path rulesWith(String file, String text, String replacement) throws IOException {
        return RuleCopies.with(temp, file, text, replacement);
    }

    private static Rulebase load(Path rules) {
        return RuleCopies.load(rules);
    }

    // --- codes are enums: a misspelt one does not compile

    @Test
    void aMisspeltRankInADrlStopsTheRulebaseBuildNamingTheFileAndTheCode() throws IOException {
        Path rules = rulesWith("act/art-9-entry-permits/EntryPermits.drl",
                "leader.rank == Rank.GRADE_11_OR_ABOVE", "leader.rank == Rank.GRADE_11_OR_ABOV");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the rules do not compile")
                .hasMessageContaining("EntryPermits.drl")
                .hasMessageContaining("GRADE_11_OR_ABOV");
    }

    @Test
    void aMisspeltFundingSourceInADrlStopsTheRulebaseBuild() throws IOException {
        Path rules = rulesWith("handbook/funding-sources/FundingSources.drl",
                "source == FundingSource.MAINLAND", "source == FundingSource.MAINLND");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the rules do not compile")
                .hasMessageContaining("MAINLND");
    }

    @Test
    void aCodeWrittenAsAQuotedStringInsteadOfItsEnumConstantIsRefused() throws IOException {
        Path rules = rulesWith("derived/Classification.drl", "mode != Mode.VIDEO", "mode != \"VIDEO\"");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Classification.drl")
                .hasMessageContaining("\"VIDEO\"")
                .hasMessageContaining("enum constant");
    }

    @Test
    void aMisspeltFindingKindIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("handbook/scope/Scope.drl", "@kind(\"INFO\")", "@kind(\"INFORMATION\")");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@kind must be one of VIOLATION, FLAG, OBLIGATION, INFO");
    }

    // --- periods, lists and phrases the DRL names must exist

    @Test
    void aDueDateForAPeriodThatPeriodsYamlDoesNotHaveIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("entry-rules/return-report/ReturnReport.drl",
                "dates.due(\"return-report\"", "dates.due(\"return-reprot\"");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period 'return-reprot' is not in rules/periods.yaml")
                .hasMessageContaining("entry-rules/return-report/ReturnReport.drl:");
    }

    @Test
    void aRuleMatchingADueDateOfAnUnknownPeriodIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("entry-rules/return-report/ReturnReport.drl",
                "Due( purpose == \"return-report\"", "Due( purpose == \"return-reports\"");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period 'return-reports' is not in rules/periods.yaml");
    }

    @Test
    void aPeriodRenamedInPeriodsYamlButNotInTheDrlIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("periods.yaml", "  return-report:\n", "  return-report-7-days:\n");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period 'return-report' is not in rules/periods.yaml");
    }

    @Test
    void anUnknownRollSettingInPeriodsYamlIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("periods.yaml", "  change-report:\n    roll: next-working-day\n",
                "  change-report:\n    roll: next-workday\n");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules/periods.yaml")
                .hasMessageContaining("unknown roll 'next-workday'");
    }

    @Test
    void aPenaltyADerivedFactChoosesMustBeAPassageOfTheSources() throws IOException {
        Path rules = rulesWith("act/art-33-1-political-cooperation/PoliticalCooperation.drl",
                "new PoliticalContentFine($t, \"ACT art 90-2(2)\")", "new PoliticalContentFine($t, \"ACT art 90-2(9)\")");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ACT art 90-2(9)' is not a passage of rules/sources/")
                .hasMessageContaining("PoliticalCooperation.drl:");
    }

    @Test
    void aMisspeltCounterpartsOnlyMarkInAListIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("lists/political-bodies.yaml", "{ keyword: 教育局, category: government, counterpartsOnly: true }",
                "{ keyword: 教育局, category: government, counterpartOnly: true }");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules/lists/political-bodies.yaml")
                .hasMessageContaining("counterpartOnly");
    }

    @Test
    void aVariantFoldOfTwoCharactersIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("lists/variant-folds.yaml", "{ from: 臺, to: 台 }", "{ from: 臺灣, to: 台灣 }");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules/lists/variant-folds.yaml")
                .hasMessageContaining("one character to one character");
    }

    @Test
    void aPeriodNamedInACommentIsNotAUse() throws IOException {
        Path rules = rulesWith("entry-rules/return-report/ReturnReport.drl",
                "package tw.straitcheck.rules;", "// e.g. dates.due(\"no-such-period\", x)\npackage tw.straitcheck.rules;");

        assertThat(load(rules).definitions()).isNotEmpty();
    }

    @Test
    void anUnknownKeywordListIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("handbook/exchange-content/ExchangeContent.drl",
                "KeywordHit( list == \"dignity\"", "KeywordHit( list == \"dignty\"");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyword list 'dignty' is not in rules/lists/");
    }

    @Test
    void anUnknownKeywordListAskedOfTheGlobalIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("handbook/exchange-content/ExchangeContent.drl",
                "$hit : KeywordHit( list == \"dignity\", text == $t )",
                "$hit : KeywordHit() from keywords.find(\"dignty\", $t)");
        Files.writeString(rules.resolve("handbook/exchange-content/ExchangeContent.drl"),
                Files.readString(rules.resolve("handbook/exchange-content/ExchangeContent.drl")).replace(
                        "import tw.straitcheck.checking.facts.*;",
                        "import tw.straitcheck.checking.facts.*;\n\nglobal tw.straitcheck.checking.text.Keywords keywords;"));

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyword list 'dignty' is not in rules/lists/");
    }

    @Test
    void anEvidencePhraseThatTheMessagesDoNotHaveIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("act/art-9-entry-permits/EntryPermits.drl",
                "Phrase.of(\"evidence.days-past-lead-time\"", "Phrase.of(\"evidence.days-past-the-lead-time\"");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phrase 'evidence.days-past-the-lead-time' is not in rules/messages/")
                .hasMessageContaining("EntryPermits.drl:");
    }

    // --- every word in both languages

    @Test
    void aRuleWithoutAnEnglishTitleIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("messages/rules_en.properties",
                "PERMIT.MOI.title=Apply to the Ministry of the Interior for a permit before entering the mainland\n", "");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PERMIT.MOI.title")
                .hasMessageContaining("rules_en.properties");
    }

    @Test
    void aRuleWithoutATitleInEitherLanguageIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("messages/rules_en.properties",
                "PERMIT.MOI.title=Apply to the Ministry of the Interior for a permit before entering the mainland\n", "");
        Path zh = rules.resolve("messages/rules_zh_TW.properties");
        String text = Files.readString(zh, StandardCharsets.UTF_8);
        Files.writeString(zh, text.replaceAll("(?m)^PERMIT\\.MOI\\.title=.*\\n", ""), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no title PERMIT.MOI.title in rules/messages/");
    }

    @Test
    void anEvidencePhraseMissingInChineseIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("messages/rules_zh_TW.properties", "evidence.days-late=逾期 {0} 日\n", "");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidence.days-late")
                .hasMessageContaining("rules_zh_TW.properties");
    }

    @Test
    void thePhraseOfAPermitOfficeMissingFromBothLanguagesIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("messages/rules_en.properties",
                "evidence.apply-to.school=public-school teacher with an administrative post: apply to the school\n", "");
        Path zh = rules.resolve("messages/rules_zh_TW.properties");
        String text = Files.readString(zh, StandardCharsets.UTF_8);
        Files.writeString(zh, text.replaceAll("(?m)^evidence\\.apply-to\\.school=.*\\n", ""), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phrase 'evidence.apply-to.school'");
    }

    @Test
    void aNoteForARuleIdNoRuleHasIsRefusedAtLoad() throws IOException {
        Path rules = RulebaseTest.copyRules(temp);
        RulebaseTest.addMessage(rules, "PERMIT.LEAD_TIME_MISSING.note", "備註", "a note");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PERMIT.LEAD_TIME_MISSING.note");
    }

    @Test
    void aTitleStillWrittenInTheDrlMetadataIsRefused() throws IOException {
        Path rules = rulesWith("handbook/scope/Scope.drl", "@ruleId(\"SCOPE.NO_STUDENTS\") @kind(\"INFO\")",
                "@ruleId(\"SCOPE.NO_STUDENTS\") @kind(\"INFO\")\n    @titleZh(\"交流活動無學生參與，免至平臺填報\")");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@titleZh is not read")
                .hasMessageContaining("SCOPE.NO_STUDENTS.title");
    }

    @Test
    void titlesAndNotesComeFromTheMessages() {
        Rulebase rulebase = ProjectFiles.rulebase();
        RuleDefinition moi = rulebase.definition("PERMIT.MOI");
        assertThat(moi.title()).isEqualTo(new Localized("簡任第11職等以上公務員赴陸，應向內政部申請許可",
                "Apply to the Ministry of the Interior for a permit before entering the mainland"));
        assertThat(moi.note()).isNull();
        assertThat(rulebase.definition("PERMIT.LEAD_TIME_MISSED").note().zh()).contains("作業規定第6點");
    }

    @Test
    void aPhraseIsRenderedWithItsNumbersAsTheyPrintInBothLanguages() {
        Messages messages = ProjectFiles.rulebase().messages();
        assertThat(messages.render(Phrase.of("evidence.days-late", 1234L)))
                .isEqualTo(new Localized("逾期 1234 日", "1234 days late"));
    }

    @Test
    void aChangedMessageGivesANewRulebaseVersion() throws IOException {
        Path rules = rulesWith("messages/rules_en.properties", "evidence.days-late={0} days late", "evidence.days-late={0} day(s) late");

        assertThat(load(rules).version()).isNotEqualTo(ProjectFiles.rulebase().version());
    }

    @Test
    void aChangedIdentityListGivesANewRulebaseVersion() throws IOException {
        Path rules = rulesWith(RulebaseLoader.SPECIAL_IDENTITIES, "subparagraphs: [3, 4, 6]", "subparagraphs: [3, 4]");

        Rulebase edited = load(rules);

        assertThat(edited.version()).isNotEqualTo(ProjectFiles.rulebase().version());
        assertThat(fined(edited.identities()))
                .containsExactly(SpecialIdentity.ENTRUSTED_SECURITY_PERSONNEL, SpecialIdentity.FORMER_WITHIN_3_YEARS);
        // the rules read the data: a core-technology leader is fined under the published list, not under the edited one
        assertThat(returnReportPenalty(ProjectFiles.rulebase(), SpecialIdentity.CORE_KEY_TECHNOLOGY_PERSONNEL)).isEqualTo("art 91(4)");
        assertThat(returnReportPenalty(edited, SpecialIdentity.CORE_KEY_TECHNOLOGY_PERSONNEL)).isNull();
    }

    /** The identities the data list fines for a missing return report. */
    private static List<SpecialIdentity> fined(tw.straitcheck.checking.facts.SpecialIdentities identities) {
        return Arrays.stream(SpecialIdentity.values())
                .filter(identity -> identities.returnReportPenaltyFor(Set.of(identity)) != null).toList();
    }

    /** The penalty of OBL.RETURN_REPORT for one travelling grade-10 leader holding the identity. */
    private static String returnReportPenalty(Rulebase rulebase, SpecialIdentity identity) {
        LocalDate asOf = LocalDate.of(2026, 5, 20);
        CheckResult result = new CheckEngine(rulebase).check(new CheckInput(asOf, List.of(
                new Check(SubmissionType.EXCHANGE_ACTIVITY, asOf),
                new Registration("", Mode.VISIT, Set.of(), LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 10),
                        LocalDate.of(2026, 7, 5), LocalDate.of(2026, 7, 11), 20, false, true, true),
                new Leader(0, "leaders[0]", "王大明", true, Rank.GRADE_10_OR_BELOW, false, Set.of(identity), false))));
        List<ReportedFinding> reports = result.findings().stream().filter(f -> f.ruleId().equals("OBL.RETURN_REPORT")).toList();
        assertThat(reports).hasSize(1);
        return reports.get(0).penalty() == null ? null : reports.get(0).penalty().ref();
    }

    // --- one list of art 9(4) identities

    @Test
    void theDataListOfIdentitiesGivesEachCodeItsSubparagraph() {
        var identities = ProjectFiles.rulebase().identities();
        assertThat(Arrays.stream(SpecialIdentity.values()).map(identities::subparagraph))
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(fined(identities))
                .containsExactly(SpecialIdentity.ENTRUSTED_SECURITY_PERSONNEL, SpecialIdentity.FORMER_WITHIN_3_YEARS,
                        SpecialIdentity.CORE_KEY_TECHNOLOGY_PERSONNEL);
    }

    @Test
    void anIdentityInTheDataListThatTheEngineDoesNotKnowIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith(RulebaseLoader.SPECIAL_IDENTITIES, "  COUNTY_MAGISTRATE: 5", "  COUNTY_MAYOR: 5");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown: [COUNTY_MAYOR]")
                .hasMessageContaining("missing: [COUNTY_MAGISTRATE]");
    }

    @Test
    void anIdentityOfASubparagraphTheActDoesNotHaveIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith(RulebaseLoader.SPECIAL_IDENTITIES, "  COUNTY_MAGISTRATE: 5", "  COUNTY_MAGISTRATE: 7");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ACT art 9(4)(7)");
    }

    @Test
    void aReturnReportPenaltyThatDoesNotResolveIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith(RulebaseLoader.SPECIAL_IDENTITIES, "penalty: \"ACT art 91(4)\"", "penalty: \"ACT art 91(99)\"");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACT art 91(99)");
    }

    // --- Finding is immutable

    @Test
    void aFindingHasOnlyFinalFieldsAndNoSetters() {
        for (Field field : Finding.class.getDeclaredFields()) {
            assertThat(Modifier.isFinal(field.getModifiers())).as(field.getName() + " is final").isTrue();
        }
        for (Method method : Finding.class.getMethods()) {
            assertThat(method.getName()).as("a mutator").doesNotStartWith("set");
        }
    }

    @Test
    void eachThingSaidAboutAFindingGivesANewFindingAndLeavesTheFirstAsItWas() {
        Finding first = Finding.of(ruleContext("OBL.RETURN_REPORT", Map.of("ruleId", "OBL.RETURN_REPORT")));

        Finding dated = first.due(LocalDate.of(2026, 7, 21));
        Finding fined = dated.penalty("ACT art 91(4)");
        Finding evidenced = fined.evidence("asOf", "2026-07-22", "x");

        assertThat(List.of(first, dated, fined, evidenced)).doesNotHaveDuplicates();
        assertThat(first.getDue()).isNull();
        assertThat(first.getPenalty()).isNull();
        assertThat(dated.getPenalty()).isNull();
        assertThat(fined.getDue()).isEqualTo(LocalDate.of(2026, 7, 21));
        assertThat(fined.evidence(ProjectFiles.rulebase().messages())).isEmpty();
        assertThat(evidenced.evidence(ProjectFiles.rulebase().messages()))
                .containsExactly(new Evidence("asOf", "2026-07-22", "x", null));
        assertThatThrownBy(() -> evidenced.evidence(ProjectFiles.rulebase().messages()).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFindingTakesItsDefaultPenaltyFromTheRulesMetadata() {
        Finding f = Finding.of(ruleContext("PERMIT.MOI", Map.of("ruleId", "PERMIT.MOI", "penalty", "ACT art 91(2)")));
        assertThat(f.getRuleId()).isEqualTo("PERMIT.MOI");
        assertThat(f.getPenalty()).isEqualTo("ACT art 91(2)");
    }

    /** A RuleContext whose rule has the given metadata: enough for Finding.of. */
    private static RuleContext ruleContext(String name, Map<String, Object> metaData) {
        Rule rule = (Rule) Proxy.newProxyInstance(Rule.class.getClassLoader(), new Class<?>[] {Rule.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMetaData" -> metaData;
                    case "getName" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (RuleContext) Proxy.newProxyInstance(RuleContext.class.getClassLoader(), new Class<?>[] {RuleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRule")) {
                        return rule;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
