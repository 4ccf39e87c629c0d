package tw.straitcheck.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.Fixtures;
import tw.straitcheck.ProjectFiles;

/** Reading case files: a baseline with the fields a case changes, full submissions, history. */
class CaseFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path corpus;

    private static final String BASELINE = """
            type: EXCHANGE_ACTIVITY
            activityName: 海洋科學夏令營
            activityPeriod:
              start: 2026-07-06
              end: 2026-07-10
            participants:
              students: 20
              teachers: 2
            categories: [ACADEMIC_CAMP, SISTER_SCHOOL]
            leaders:
              - name: 陳美玲
                civilServant: false
              - name: 王大明
                civilServant: true
                rank: GRADE_10_OR_BELOW
            """;

    @BeforeEach
    void aCorpusWithOneBaseline() throws IOException {
        Files.createDirectories(corpus.resolve("baselines"));
        Files.writeString(corpus.resolve("baselines/visit.yaml"), BASELINE, StandardCharsets.UTF_8);
    }

    private CaseFile read(String folder, String text) throws IOException {
        Path dir = Files.createDirectories(corpus.resolve(folder));
        Path file = dir.resolve("case.yaml");
        Files.writeString(file, "name: a case\nasOf: 2026-05-20\n" + text + "expect:\n  verdict: COMPLIANT\n",
                StandardCharsets.UTF_8);
        return CaseFile.read(file);
    }

    private static JsonNode yaml(String text) throws IOException {
        return YAML.readTree(text);
    }

    @Test
    void aCaseWithOnlyABaselineChecksTheBaselineAsItIs() throws IOException {
        CaseFile c = read("handbook/scope", "baseline: visit\n");
        assertThat(c.baseline()).isEqualTo("visit");
        assertThat(c.submission()).isEqualTo(yaml(BASELINE));
    }

    @Test
    void aMappingInWithMergesKeyByKeyAndKeepsTheBaselinesOtherKeys() throws IOException {
        CaseFile c = read("x", """
                baseline: visit
                with:
                  activityPeriod:
                    start: 2026-07-07
                  participants: { students: 0 }
                """);
        assertThat(c.submission().get("activityPeriod")).isEqualTo(yaml("{start: 2026-07-07, end: 2026-07-10}"));
        assertThat(c.submission().get("participants")).isEqualTo(yaml("{students: 0, teachers: 2}"));
        assertThat(c.submission().get("activityName").asText()).isEqualTo("海洋科學夏令營");
    }

    @Test
    void aListInWithReplacesTheWholeList() throws IOException {
        CaseFile c = read("x", """
                baseline: visit
                with:
                  categories: [INTERNSHIP]
                  leaders:
                    - name: 林志遠
                      civilServant: true
                """);
        assertThat(c.submission().get("categories")).isEqualTo(yaml("[INTERNSHIP]"));
        assertThat(c.submission().get("leaders")).isEqualTo(yaml("[{name: 林志遠, civilServant: true}]"));
    }

    @Test
    void nullInWithRemovesTheKeyAtAnyDepth() throws IOException {
        CaseFile c = read("x", """
                baseline: visit
                with:
                  activityName: null
                  participants: { teachers: null }
                """);
        assertThat(c.submission().has("activityName")).isFalse();
        assertThat(c.submission().get("participants")).isEqualTo(yaml("{students: 20}"));
    }

    @Test
    void aPathKeyChangesOneFieldOfOneListElement() throws IOException {
        CaseFile c = read("x", """
                baseline: visit
                with:
                  leaders[1].rank: GRADE_11_OR_ABOVE
                  leaders[0]: { civilServant: true, name: 陳美玲 }
                """);
        assertThat(c.submission().get("leaders")).isEqualTo(yaml("""
                - {name: 陳美玲, civilServant: true}
                - {name: 王大明, civilServant: true, rank: GRADE_11_OR_ABOVE}
                """));
    }

    @Test
    void aPathKeyWithNullRemovesTheFieldOrTheElement() throws IOException {
        CaseFile c = read("x", """
                baseline: visit
                with:
                  leaders[1].rank: null
                  categories[0]: null
                """);
        assertThat(c.submission().at("/leaders/1").has("rank")).isFalse();
        assertThat(c.submission().get("categories")).isEqualTo(yaml("[SISTER_SCHOOL]"));
    }

    @Test
    void aPathToAnElementTheBaselineDoesNotHaveIsAnErrorNamingTheFileAndThePath() throws IOException {
        assertThatThrownBy(() -> read("x", "baseline: visit\nwith:\n  leaders[2].rank: GRADE_11_OR_ABOVE\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("case.yaml")
                .hasMessageContaining("leaders[2]");
    }

    @Test
    void mergingLeavesTheBaselineForTheNextCaseUnchanged() throws IOException {
        read("x", "baseline: visit\nwith:\n  participants: { students: 0 }\n  leaders[0].name: 林志遠\n");
        CaseFile next = read("y", "baseline: visit\n");
        assertThat(next.submission()).isEqualTo(yaml(BASELINE));
    }

    @Test
    void aCaseInADeeperFolderFindsTheBaselinesOfTheCorpusAbove() throws IOException {
        CaseFile c = read("act/art-9-entry-permits", "baseline: visit\nwith:\n  activityName: 教師參訪團\n");
        assertThat(c.submission().get("activityName").asText()).isEqualTo("教師參訪團");
    }

    @Test
    void anUnknownBaselineIsAnErrorNamingTheFileAndTheBaseline() {
        assertThatThrownBy(() -> read("x", "baseline: no-such-baseline\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("case.yaml")
                .hasMessageContaining("no baseline 'no-such-baseline'");
    }

    @Test
    void aBaselineWithoutABaselinesFolderAboveIsAnError(@TempDir Path elsewhere) throws IOException {
        Path file = elsewhere.resolve("case.yaml");
        Files.writeString(file, "name: a\nasOf: 2026-05-20\nbaseline: visit\nexpect: {verdict: COMPLIANT}\n");
        assertThatThrownBy(() -> CaseFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no baselines/ folder");
    }

    @Test
    void aCaseWithBothASubmissionAndABaselineIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> read("x", "baseline: visit\nsubmission:\n  type: ANNOUNCEMENT\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("case.yaml")
                .hasMessageContaining("either submission: (the whole submission) or baseline:");
    }

    @Test
    void withWithoutABaselineAndACaseWithNeitherAreErrors() {
        assertThatThrownBy(() -> read("x", "with:\n  activityName: 夏令營\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("with: needs a baseline:");
        assertThatThrownBy(() -> read("x", ""))
                .isInstanceOf(IOException.class).hasMessageContaining("submission (the whole submission) or baseline");
    }

    @Test
    void aMisspeltKeyBesideABaselineIsAnError() {
        assertThatThrownBy(() -> read("x", "baseline: visit\nwhith:\n  activityName: 夏令營\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("case.yaml").hasMessageContaining("unknown key 'whith'");
    }

    @Test
    void aFullSubmissionStaysValid() throws IOException {
        CaseFile c = read("x", "submission:\n  type: ANNOUNCEMENT\n  activityName: 夏令營\n");
        assertThat(c.baseline()).isNull();
        assertThat(c.submission()).isEqualTo(yaml("{type: ANNOUNCEMENT, activityName: 夏令營}"));
    }

    @Test
    void theRunnerDoesNotTakeBaselinesForCases() throws IOException {
        read("handbook/scope", "baseline: visit\n");
        assertThat(CaseRunner.caseFiles(corpus)).containsExactly(corpus.resolve("handbook/scope/case.yaml"));
    }

    @Test
    void theRunnerGivenASubfolderResolvesBaselinesFromTheCorpusRoot() throws IOException {
        Path permits = Files.createDirectories(corpus.resolve("act/art-9-entry-permits"));
        Files.writeString(permits.resolve("broken.yaml"), "name: a\nasOf: 2026-05-20\nbaseline: nope\nexpect: {verdict: COMPLIANT}\n");
        Files.writeString(permits.resolve("invalid.yaml"), """
                name: a registration without an activity name is refused
                asOf: 2026-05-20
                baseline: visit
                with:
                  activityName: null
                expect:
                  verdict: INVALID
                  errors: [activityName]
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = new CaseRunner(ProjectFiles.engine()).runAll(permits, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(passed).isFalse();
        assertThat(out).contains("ERROR " + permits.resolve("broken.yaml")).contains("no baseline 'nope'");
        assertThat(out.strip()).endsWith("1 passed, 1 failed");
    }

    @Test
    void theCorpusBaselineVisitIsTheSharedTestFixture() throws IOException {
        ObjectNode visit = Fixtures.baseline("visit");
        assertThat(visit.get("type").asText()).isEqualTo("EXCHANGE_ACTIVITY");
        assertThat(visit.at("/school/name").asText()).isEqualTo("國立澎湖高級海事水產職業學校");
        assertThat(visit.at("/leaders/0/name").asText()).isEqualTo("陳美玲");
    }

    @Test
    void historyIsReadIntoTypedRecords() throws IOException {
        CaseFile c = read("x", """
                baseline: visit
                history:
                  - type: SUBSIDY_APPLICATION
                    receipt: 1150301-000007
                    status: APPROVED
                    decidedOn: 2026-03-31
                    activityKind: FORUM
                    activityPeriod: { start: 2026-05-04, end: 2026-05-08 }
                  - type: RESULTS_REPORT
                    subsidyId: 1150301-000007
                    filedOn: 2026-06-30
                    executionRate: 45.20
                    notEligibleNextYear: false
                  - type: EXCHANGE_ACTIVITY
                    receipt: 1140110-000003
                    status: REJECTED
                    decidedOn: 2025-01-20
                """);
        assertThat(c.history()).containsExactly(
                new CaseFile.HistoryEntry(CaseFile.HistoryType.SUBSIDY_APPLICATION, "1150301-000007",
                        CaseFile.HistoryStatus.APPROVED, LocalDate.of(2026, 3, 31), CaseFile.ActivityKind.FORUM,
                        new CaseFile.Period(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 8)), null, null, null, null),
                new CaseFile.HistoryEntry(CaseFile.HistoryType.RESULTS_REPORT, null, null, null, null, null,
                        "1150301-000007", LocalDate.of(2026, 6, 30), new BigDecimal("45.2"), false),
                new CaseFile.HistoryEntry(CaseFile.HistoryType.EXCHANGE_ACTIVITY, "1140110-000003",
                        CaseFile.HistoryStatus.REJECTED, LocalDate.of(2025, 1, 20), null, null, null, null, null, null));
    }

    @Test
    void aCaseWithoutHistoryHasAnEmptyHistory() throws IOException {
        assertThat(read("x", "baseline: visit\n").history()).isEmpty();
    }

    @Test
    void aHistoryRecordOfTheWrongShapeIsAnErrorNamingTheFileAndTheEntry() {
        assertThatThrownBy(() -> read("x", "baseline: visit\nhistory:\n  - type: SUBSIDY_APPLICATION\n    status: GRANTED\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("case.yaml").hasMessageContaining("history[0].status");
        assertThatThrownBy(() -> read("x", "baseline: visit\nhistory:\n  - status: APPROVED\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("history[0].type is required");
        assertThatThrownBy(() -> read("x", "baseline: visit\nhistory:\n  - type: RESULTS_REPORT\n    executionRate: high\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("history[0].executionRate");
        assertThatThrownBy(() -> read("x", "baseline: visit\nhistory:\n  - type: RESULTS_REPORT\n    filedOn: 2026-02-30\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("history[0].filedOn");
        assertThatThrownBy(() -> read("x", "baseline: visit\nhistory:\n  - type: RESULTS_REPORT\n    rate: 45\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown key 'rate'");
        assertThatThrownBy(() -> read("x", "baseline: visit\nhistory:\n  - type: SUBSIDY_APPLICATION\n    activityKind: PARTY\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("history[0].activityKind");
        assertThatThrownBy(() -> read("x", "baseline: visit\nhistory: {type: RESULTS_REPORT}\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("history must be a list");
    }
}
