package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tw.straitcheck.Fixtures;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;

class CheckEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The day the school registers: before the registration due date (2026-06-06) of the activity below. */
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 20);

    private final CheckEngine engine = ProjectFiles.engine();

    /**
     * The corpus's {@code visit} baseline (test-cases/baselines/visit.yaml): no mainland funding, no
     * agreement, a leader who is not a civil servant. Activity 2026-07-06..10, travel 2026-07-05..11.
     */
    private static ObjectNode plainActivity() {
        return Fixtures.baseline("visit");
    }

    private static ObjectNode leader(String name, boolean civilServant) {
        ObjectNode l = JSON.createObjectNode();
        l.put("name", name).put("unit", "教務處").put("title", "教務主任").put("phone", "06-9261101")
                .put("email", "leader@example.edu.tw").put("civilServant", civilServant);
        return l;
    }

    private static ObjectNode civilServant(String name, String rank, String... specialIdentities) {
        ObjectNode l = leader(name, true);
        l.put("rank", rank).put("agencyHead", false).put("plannedStudy", false);
        ArrayNode ids = l.putArray("specialIdentities");
        for (String id : specialIdentities) {
            ids.add(id);
        }
        return l;
    }

    private static Submission read(ObjectNode json) {
        SubmissionReader.Result result = SubmissionReader.read(json);
        assertThat(result.errors()).as("the test submission is valid").isEmpty();
        return result.submission();
    }

    private CheckResult check(ObjectNode json) {
        return engine.check(SubmissionFacts.of(read(json), AS_OF));
    }

    private static List<ReportedFinding> findings(CheckResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static ReportedFinding only(CheckResult result, String ruleId) {
        List<ReportedFinding> found = findings(result, ruleId);
        assertThat(found).as(ruleId).hasSize(1);
        return found.get(0);
    }

    @Test
    void aPlainActivityRegisteredInTimeIsCompliantWithOnlyItsObligations() {
        CheckResult result = check(plainActivity());

        assertThat(result.verdict()).isEqualTo(Verdict.COMPLIANT);
        assertThat(result.asOf()).isEqualTo(AS_OF);
        assertThat(result.rulebaseVersion()).isEqualTo(ProjectFiles.rulebase().version());
        assertThat(result.findings()).extracting(ReportedFinding::ruleId, ReportedFinding::kind, ReportedFinding::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("OBL.REGISTER_ACTIVITY", FindingKind.OBLIGATION, LocalDate.of(2026, 6, 6)),
                        org.assertj.core.groups.Tuple.tuple("OBL.POST_ACTIVITY_REPORT", FindingKind.OBLIGATION, LocalDate.of(2026, 8, 11)),
                        org.assertj.core.groups.Tuple.tuple("OBL.REPORT_CHANGES", FindingKind.OBLIGATION, null));
        assertThat(only(result, "OBL.POST_ACTIVITY_REPORT").reminders()).containsExactly(
                LocalDate.of(2026, 7, 11), LocalDate.of(2026, 7, 30), LocalDate.of(2026, 8, 7), LocalDate.of(2026, 8, 8));
    }

    @Test
    void aViolationMakesTheSubmissionNonCompliant() {
        ObjectNode json = plainActivity();
        json.put("selfCheckCompleted", false);

        CheckResult result = check(json);

        assertThat(result.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
        ReportedFinding missing = only(result, "SELF_CHECK.MISSING");
        assertThat(missing.kind()).isEqualTo(FindingKind.VIOLATION);
        assertThat(missing.evidence()).containsExactly(new Evidence("selfCheckCompleted", "false", "false", null));
    }

    @Test
    void aRegistrationFiledLateIsNonCompliantAndSaysHowManyDaysLate() {
        CheckResult result = engine.check(SubmissionFacts.of(read(plainActivity()), LocalDate.of(2026, 6, 10)));

        assertThat(result.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
        ReportedFinding late = only(result, "DEADLINE.REGISTRATION_LATE");
        assertThat(late.due()).isEqualTo(LocalDate.of(2026, 6, 6));
        assertThat(late.evidence()).containsExactly(new Evidence("asOf", "2026-06-10", "逾期 4 日 / 4 days late", null));
        assertThat(findings(result, "OBL.REGISTER_ACTIVITY")).isEmpty();
    }

    @Test
    void aFlagWithoutViolationsNeedsReview() {
        ObjectNode json = plainActivity();
        json.withArray("funding").addObject().put("source", "MAINLAND").put("agency", "浙江海洋大學")
                .put("support", "LANDING_HOSPITALITY");

        CheckResult result = check(json);

        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(result.findings()).extracting(ReportedFinding::kind)
                .containsOnly(FindingKind.FLAG, FindingKind.OBLIGATION);
        assertThat(only(result, "FUNDING.MAINLAND_HOSPITALITY").evidence()).containsExactly(
                new Evidence("funding[2].support", "LANDING_HOSPITALITY", "LANDING_HOSPITALITY", null));
    }

    @Test
    void findingsAreOrderedViolationFlagObligationInfoAndEveryCitationCarriesItsText() {
        ObjectNode json = plainActivity();
        json.put("selfCheckCompleted", false);                                   // VIOLATION
        json.put("itineraryText", "7/7 参观爱国主义教育基地");                      // FLAG
        json.putObject("agreement").put("kind", "WRITTEN_COOPERATION")         // INFO: deemed approved
                .put("partnerSchool", "浙江海洋大學").put("declaredToMoeOn", "2026-05-01")
                .put("plannedSigningDate", "2026-07-07");

        CheckResult result = check(json);

        assertThat(result.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
        assertThat(result.findings()).extracting(ReportedFinding::ruleId).containsExactly(
                "SELF_CHECK.MISSING",
                "CONTENT.POLITICAL",
                "OBL.REGISTER_ACTIVITY", "OBL.POST_ACTIVITY_REPORT", "OBL.REPORT_CHANGES",
                "AGREEMENT.DEEMED_APPROVED");
        assertThat(result.findings()).extracting(ReportedFinding::kind).isSorted();
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.title().zh()).isNotBlank();
            assertThat(f.title().en()).isNotBlank();
            assertThat(f.citations()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.source()).isNotBlank();
                assertThat(c.ref()).isNotBlank();
                assertThat(c.text()).isNotBlank();
            });
        });
        assertThat(only(result, "SELF_CHECK.MISSING").citations()).extracting(Citation::source, Citation::ref)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HANDBOOK", "參(三) 檢核事項"),
                        org.assertj.core.groups.Tuple.tuple("HANDBOOK", "參(四) 檢核事項"));
    }

    private static String penaltyRef(ReportedFinding f) {
        return f.penalty() == null ? null : f.penalty().source() + " " + f.penalty().ref();
    }

    @Test
    void politicalContentIsFinedByFieldTheExchangesTextsUnderArt90_2_1AndTheAgreementsTextUnderArt90_2_2() {
        ObjectNode json = plainActivity();
        json.put("itineraryText", "第2天 參觀愛國教育基地");
        ObjectNode agreement = json.putObject("agreement");
        agreement.put("kind", "WRITTEN_COOPERATION").put("partnerSchool", "浙江海洋大學")
                .put("declaredToMoeOn", "2026-05-01").put("plannedSigningDate", "2026-07-07").put("text", "雙方基於九二共識推動交流");

        CheckResult result = check(json);

        assertThat(findings(result, "CONTENT.POLITICAL"))
                .extracting(f -> f.evidence().get(0).field(), CheckEngineTest::penaltyRef)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("itineraryText", "ACT art 90-2(1)"),
                        org.assertj.core.groups.Tuple.tuple("agreement.text", "ACT art 90-2(2)"));
        assertThat(findings(result, "CONTENT.POLITICAL")).filteredOn(f -> "agreement.text".equals(f.evidence().get(0).field()))
                .singleElement().satisfies(f -> assertThat(f.penalty().minFine()).isEqualTo(10000L));
    }

    @Test
    void politicalContentAndAPoliticalBodyInAnAnnouncementCarryNoFine() {
        ObjectNode json = Fixtures.baseline("announcement");
        json.put("attachmentText", "主辦單位共青團舟山市委，兩岸一家親青年營");

        CheckResult result = engine.check(SubmissionFacts.of(read(json), LocalDate.of(2026, 5, 25)));

        assertThat(only(result, "CONTENT.POLITICAL").penalty()).isNull();
        assertThat(only(result, "CONTENT.POLITICAL_BODY").penalty()).isNull();
        assertThat(only(result, "CONTENT.POLITICAL_BODY").evidence()).singleElement()
                .satisfies(e -> assertThat(e.matched()).isEqualTo("共青團"));
    }

    @Test
    void aPoliticalBodyInAnExchangesOwnTextsIsFinedAsAPoliticalCounterpartAndACounterpartsOnlyWordIsNotMatchedThere() {
        ObjectNode json = plainActivity();
        json.put("itineraryText", "第2天 拜會舟山市台辦及舟山市教育局");

        CheckResult result = check(json);

        ReportedFinding body = only(result, "CONTENT.POLITICAL_BODY");
        assertThat(penaltyRef(body)).isEqualTo("ACT art 90-2(1)");
        assertThat(body.evidence()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("itineraryText");
            assertThat(e.matched()).isEqualTo("台辦");
        });
        assertThat(body.citations()).extracting(Citation::source, Citation::ref)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACT", "art 33-1(1)(1)"),
                        org.assertj.core.groups.Tuple.tuple("HANDBOOK", "壹二(三)"));
    }

    private ReportedFinding deemedApproval(LocalDate asOf) {
        ObjectNode json = plainActivity();
        ObjectNode agreement = json.putObject("agreement");
        agreement.put("kind", "WRITTEN_COOPERATION").put("partnerSchool", "浙江海洋大學")
                .put("declaredToMoeOn", "2026-05-01").put("plannedSigningDate", "2026-06-15").put("text", "教學科研交流合作備忘錄");
        return only(engine.check(SubmissionFacts.of(read(json), asOf)), "AGREEMENT.DEEMED_APPROVED");
    }

    @Test
    void onTheThirtiethDayAfterDeclaringTheDeemedApprovalIsDueTheNextDayUnlessTheMinistryDecidesByThatThirtiethDay() {
        ReportedFinding deemed = deemedApproval(LocalDate.of(2026, 5, 31));
        assertThat(deemed.due()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(deemed.evidence()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("agreement.declaredToMoeOn");
            assertThat(e.value()).isEqualTo("2026-05-01");
            assertThat(e.matched()).isEqualTo("除非教育部於 2026-05-31（含當日）以前作成決定 / unless the ministry decides by 2026-05-31");
        });
    }

    @Test
    void fromTheThirtyFirstDayAfterDeclaringTheAgreementIsDeemedApprovedIfTheMinistryDidNotDecide() {
        ReportedFinding deemed = deemedApproval(LocalDate.of(2026, 6, 1));
        assertThat(deemed.due()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(deemed.evidence()).singleElement().satisfies(e ->
                assertThat(e.matched()).isEqualTo("教育部如未於 2026-05-31（含當日）以前決定，即視為同意 / deemed approved if the ministry did not decide by 2026-05-31"));
    }

    @Test
    void aPoliticalKeywordInSimplifiedChineseInTheItineraryIsFlaggedWithTheOriginalTextQuoted() {
        ObjectNode json = plainActivity();
        String itinerary = "7/7 参观爱国主义教育基地";
        json.put("itineraryText", itinerary);

        CheckResult result = check(json);

        assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        ReportedFinding political = only(result, "CONTENT.POLITICAL");
        assertThat(political.kind()).isEqualTo(FindingKind.FLAG);
        assertThat(political.evidence()).hasSize(1);
        Evidence evidence = political.evidence().get(0);
        assertThat(evidence.field()).isEqualTo("itineraryText");
        assertThat(evidence.value()).isEqualTo(itinerary);
        assertThat(evidence.matched()).isEqualTo("愛國主義教育");
        assertThat(evidence.context()).contains("爱国主义教育").isEqualTo("7/7 参观爱国主义教育基地");
        assertThat(political.penalty()).isNotNull();
        assertThat(political.penalty().ref()).isEqualTo("art 90-2(1)");
    }

    @Test
    void eachKeywordOfAFieldIsReportedOnceEvenWhenRepeated() {
        ObjectNode json = plainActivity();
        json.put("itineraryText", "祖国统一、祖國統一、祖国统一");

        CheckResult result = check(json);

        // one finding per (rule, field, keyword): 祖國 once and 統一 once, at their first place
        assertThat(findings(result, "CONTENT.POLITICAL")).extracting(f -> f.evidence())
                .containsExactly(
                        List.of(new Evidence("itineraryText", "祖国统一、祖國統一、祖国统一", "祖國", "祖国统一、祖國統一、祖国…")),
                        List.of(new Evidence("itineraryText", "祖国统一、祖國統一、祖国统一", "統一", "祖国统一、祖國統一、祖国统一")));
    }

    @DisplayName("OBL.RETURN_REPORT carries the art 91(4) fine only for art 9(4)(3), (4) and (6) persons")
    @ParameterizedTest(name = "{0}: penalty {1}")
    @CsvSource({
            "ENTRUSTED_SECURITY_PERSONNEL, art 91(4)",
            "FORMER_WITHIN_3_YEARS, art 91(4)",
            "CORE_KEY_TECHNOLOGY_PERSONNEL, art 91(4)",
            "POLITICAL_APPOINTEE_OR_MAYOR, ",
            "NATIONAL_SECURITY_PERSONNEL, ",
            "COUNTY_MAGISTRATE, "})
    void theReturnReportFineAppliesOnlyToSomeIdentities(String identity, String penaltyRef) {
        ObjectNode json = plainActivity();
        json.withArray("leaders").removeAll().add(civilServant("王大明", "GRADE_10_OR_BELOW", identity));

        CheckResult result = check(json);

        ReportedFinding report = only(result, "OBL.RETURN_REPORT");
        assertThat(report.subject()).isEqualTo("王大明");
        // 7 working days after Saturday 2026-07-11: 7/13, 7/14, 7/15, 7/16, 7/17, 7/20, 7/21
        assertThat(report.due()).isEqualTo(LocalDate.of(2026, 7, 21));
        if (penaltyRef == null) {
            assertThat(report.penalty()).isNull();
        } else {
            assertThat(report.penalty()).isNotNull();
            assertThat(report.penalty().source()).isEqualTo("ACT");
            assertThat(report.penalty().ref()).isEqualTo(penaltyRef);
            assertThat(report.penalty().minFine()).isEqualTo(20_000L);
            assertThat(report.penalty().maxFine()).isEqualTo(100_000L);
            assertThat(report.penalty().text()).contains("第九條第五項");
        }
        ReportedFinding permit = only(result, "PERMIT.REVIEW_COMMITTEE");
        // 7 clear working days before Sunday 2026-07-05: 7/3, 7/2, 7/1, 6/30, 6/29, 6/26, 6/25 → 6/24
        assertThat(permit.due()).isEqualTo(LocalDate.of(2026, 6, 24));
        assertThat(permit.penalty().ref()).isEqualTo("art 91(3)");
    }

    @Test
    void inAGroupOfLeadersOnlyTheEntrustedOneIsFinedForAMissingReturnReport() {
        ObjectNode json = plainActivity();
        json.withArray("leaders").removeAll()
                .add(civilServant("王大明", "GRADE_10_OR_BELOW", "ENTRUSTED_SECURITY_PERSONNEL"))
                .add(civilServant("陳美玲", "GRADE_11_OR_ABOVE"))
                .add(civilServant("林志明", "GRADE_10_OR_BELOW"))
                .add(leader("李小華", false));

        CheckResult result = check(json);

        List<ReportedFinding> reports = findings(result, "OBL.RETURN_REPORT");
        assertThat(reports).extracting(ReportedFinding::subject).containsExactly("林志明", "王大明", "陳美玲");
        assertThat(reports).allSatisfy(r -> assertThat(r.due()).isEqualTo(LocalDate.of(2026, 7, 21)));
        assertThat(reports).extracting(r -> r.penalty() == null ? null : r.penalty().ref())
                .containsExactly(null, "art 91(4)", null);
        assertThat(only(result, "PERMIT.MOI").subject()).isEqualTo("陳美玲");
        assertThat(only(result, "PERMIT.EDUCATION_AUTHORITY").subject()).isEqualTo("林志明");
        assertThat(only(result, "PERMIT.EDUCATION_AUTHORITY").due()).isEqualTo(LocalDate.of(2026, 7, 4));
    }

    @Test
    void twoLeadersWithTheSameNameEachGetTheirOwnReturnReportAndOnlyTheEntrustedOneIsFined() {
        ObjectNode json = plainActivity();
        json.withArray("leaders").removeAll()
                .add(civilServant("王大明", "GRADE_10_OR_BELOW", "ENTRUSTED_SECURITY_PERSONNEL"))
                .add(civilServant("王大明", "GRADE_10_OR_BELOW"));

        CheckResult result = check(json);

        // catalogue C: one finding per leader; art 91(4) only for the art 9(4)(3) person
        List<ReportedFinding> reports = findings(result, "OBL.RETURN_REPORT");
        assertThat(reports).hasSize(2);
        assertThat(reports).extracting(r -> r.penalty() == null ? null : r.penalty().ref())
                .containsExactlyInAnyOrder("art 91(4)", null);
    }

    @Test
    void aLeaderWithoutASpecialIdentityHasNoReturnReportPenalty() {
        ObjectNode json = plainActivity();
        json.withArray("leaders").removeAll().add(civilServant("林志明", "GRADE_10_OR_BELOW"));

        ReportedFinding report = only(check(json), "OBL.RETURN_REPORT");

        assertThat(report.penalty()).isNull();
    }

    @DisplayName("A grade-10 leader's evidence says where to apply: a head to the superior agency, a public-school teacher to the school, others to the education authority")
    @ParameterizedTest(name = "agencyHead {0}, publicSchool {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "true  | true  | 機關首長：向直屬上級機關申請 / agency head: apply to the direct superior agency",
            "true  | false | 機關首長：向直屬上級機關申請 / agency head: apply to the direct superior agency",
            "false | true  | 兼行政職之公立學校教師：向所屬機關（構）（學校）申請 / public-school teacher with an administrative post: apply to the school",
            "false | false | 向教育主管機關申請 / apply to the education authority"})
    void aGradeTenLeaderIsToldWhereToApply(boolean agencyHead, boolean publicSchool, String where) {
        ObjectNode json = plainActivity();
        ((ObjectNode) json.get("school")).put("publicSchool", publicSchool);
        ObjectNode leader = civilServant("林志明", "GRADE_10_OR_BELOW");
        leader.put("agencyHead", agencyHead);
        json.withArray("leaders").removeAll().add(leader);

        ReportedFinding permit = only(check(json), "PERMIT.EDUCATION_AUTHORITY");

        assertThat(permit.evidence()).containsExactly(
                new Evidence("leaders[0].agencyHead", Boolean.toString(agencyHead), where, null));
        assertThat(permit.due()).isEqualTo(LocalDate.of(2026, 7, 4));
    }

    @Test
    void aPermitFiledAfterTheLeadTimeSaysHowManyDaysPastItInBothLanguages() {
        ObjectNode json = plainActivity();
        json.withArray("leaders").removeAll().add(civilServant("陳美玲", "GRADE_11_OR_ABOVE"));

        // due 2026-06-24 (7 clear working days before Sunday 7/5); filed 6/27
        CheckResult result = engine.check(SubmissionFacts.of(read(json), LocalDate.of(2026, 6, 27)));

        ReportedFinding missed = only(result, "PERMIT.LEAD_TIME_MISSED");
        assertThat(missed.evidence()).containsExactly(
                new Evidence("asOf", "2026-06-27", "已逾期 3 日 / 3 days past the lead time", null));
        assertThat(missed.note().en()).contains("National Immigration Agency");
    }

    @Test
    void aLeaderHoldingTwoFinedIdentitiesGetsOneReturnReportWithOneFineAndTheIdentitiesListedInOrder() {
        ObjectNode json = plainActivity();
        json.withArray("leaders").removeAll().add(civilServant("王大明", "GRADE_11_OR_ABOVE",
                "FORMER_WITHIN_3_YEARS", "ENTRUSTED_SECURITY_PERSONNEL", "COUNTY_MAGISTRATE"));

        CheckResult result = check(json);

        assertThat(only(result, "OBL.RETURN_REPORT").penalty().ref()).isEqualTo("art 91(4)");
        assertThat(only(result, "PERMIT.REVIEW_COMMITTEE").evidence()).containsExactly(new Evidence(
                "leaders[0].specialIdentities", "[COUNTY_MAGISTRATE, ENTRUSTED_SECURITY_PERSONNEL, FORMER_WITHIN_3_YEARS]",
                "COUNTY_MAGISTRATE, ENTRUSTED_SECURITY_PERSONNEL, FORMER_WITHIN_3_YEARS", null));
        assertThat(findings(result, "PERMIT.MOI")).isEmpty();
    }

    @Test
    void aLeaderWithAnArticle94IdentityWhoPlansToStudyIsCaughtWhateverTheRank() {
        ObjectNode json = plainActivity();
        ObjectNode leader = civilServant("王大明", "GRADE_10_OR_BELOW", "COUNTY_MAGISTRATE");
        leader.put("plannedStudy", true);
        ObjectNode grade10 = civilServant("林志明", "GRADE_10_OR_BELOW");
        grade10.put("plannedStudy", true);
        json.withArray("leaders").removeAll().add(leader).add(grade10);

        assertThat(findings(check(json), "STAFF.STUDY_PROHIBITED")).extracting(ReportedFinding::subject)
                .containsExactly("王大明");
    }

    @Test
    void theSameEngineCheckedFromTwoThreadsAtOnceGivesIdenticalResults() throws Exception {
        ObjectNode json = plainActivity();
        json.put("itineraryText", "7/7 参观爱国主义教育基地，与统战部座谈");
        json.withArray("mainlandPartners").add("中共浙江省委统战部");
        json.withArray("leaders").removeAll()
                .add(civilServant("王大明", "GRADE_10_OR_BELOW", "ENTRUSTED_SECURITY_PERSONNEL"))
                .add(civilServant("陳美玲", "GRADE_11_OR_ABOVE"));
        Submission submission = read(json);
        CheckResult expected = engine.check(SubmissionFacts.of(submission, AS_OF));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<CheckResult>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    List<CheckResult> results = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        results.add(engine.check(SubmissionFacts.of(submission, AS_OF)));
                    }
                    return results;
                }));
            }
            start.countDown();
            for (Future<List<CheckResult>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).hasSize(20).allSatisfy(r -> assertThat(r).isEqualTo(expected));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.findings()).extracting(ReportedFinding::ruleId)
                .contains("CONTENT.POLITICAL", "PARTNER.POLITICAL_BODY", "PERMIT.REVIEW_COMMITTEE", "PERMIT.MOI",
                        "OBL.RETURN_REPORT");
    }
}
