package tw.straitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.ProjectFiles;

/** The jar's commands, run in-process with the packaged rulebase, as policy staff run them. */
class CliTest {

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = Cli.run(args);
            return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void testCasesOnTheCorpusPrintsTheTallyLastAndExitsZero() {
        Run run = run("test-cases", ProjectFiles.testCases().toString());
        String[] lines = run.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("\\d+ passed, 0 failed");
        assertThat(run.exit()).isZero();
    }

    @Test
    void testCasesWithAFailingCaseAndAnUnreadableFileNamesBothAndExitsNonZero(@TempDir Path dir) throws IOException {
        Path source = ProjectFiles.testCases().resolve("handbook/registration-deadlines");
        Path good = Files.list(source).filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        String text = Files.readString(good);
        // the case names a baseline: the folder run needs the corpus's baselines/ beside it
        Path baselines = Files.createDirectories(dir.resolve("baselines"));
        try (var files = Files.list(ProjectFiles.testCases().resolve("baselines"))) {
            for (Path b : (Iterable<Path>) files::iterator) {
                Files.copy(b, baselines.resolve(b.getFileName().toString()));
            }
        }
        Files.writeString(dir.resolve("wrong-verdict.yaml"), text.replaceFirst("verdict: \\w+", "verdict: INVALID"));
        Files.writeString(dir.resolve("broken.yaml"), "name: [unclosed");

        Run run = run("test-cases", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL " + dir.resolve("wrong-verdict.yaml"));
        assertThat(run.out()).contains("ERROR " + dir.resolve("broken.yaml"));
        assertThat(run.out().strip()).endsWith("0 passed, 2 failed");
    }

    @Test
    void checkOfASubsidyCaseFileUsesItsHistory() throws IOException {
        Path file = ProjectFiles.testCases().resolve(
                "subsidy/point-6-2-barred-this-year/last-years-report-never-filed-bars-this-year.yaml");

        Run run = run("check", file.toString());

        assertThat(run.exit()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("verdict").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(result.get("asOf").asText()).isEqualTo("2026-05-20");
        List<String> ruleIds = new ArrayList<>();
        result.get("findings").forEach(f -> ruleIds.add(f.get("ruleId").asText()));
        assertThat(ruleIds).contains("SUBSIDY.BARRED_THIS_YEAR", "OBL.SUBSIDY_APPLICATION", "OBL.SUBSIDY_RESULTS_REPORT");
    }

    @Test
    void checkOfAResultsReportFileGivesTheSystemsRates(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.yaml");
        Files.copy(ProjectFiles.testCases().resolve("baselines/results-report.yaml"), file);

        Run run = run("check", file.toString(), "--as-of", "2026-11-10");

        assertThat(run.exit()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(result.get("findings").get(0).get("ruleId").asText()).isEqualTo("RESULTS.EXECUTION_RATE");
        assertThat(result.get("findings").get(0).get("evidence").toString()).contains("91.95%", "100.00%", "94.81%");
    }

    @Test
    void checkPrintsTheResponseJsonForASubmissionFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("submission.json");
        try (var in = CliTest.class.getResourceAsStream("/spec-example.json")) {
            Files.write(file, in.readAllBytes());
        }
        Run run = run("check", file.toString(), "--as-of", "2026-05-20");

        assertThat(run.exit()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("verdict").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(result.get("asOf").asText()).isEqualTo("2026-05-20");
        assertThat(result.get("rulebaseVersion").asText()).isEqualTo(ProjectFiles.rulebase().version());
        assertThat(result.get("findings").size()).isGreaterThan(3);
    }

    @Test
    void checkOfACaseFileNamingABaselineChecksTheMergedSubmissionOnItsAsOf() {
        Path file = ProjectFiles.testCases().resolve(
                "handbook/registration-deadlines/a-may-31-start-registered-on-may-1-is-late.yaml");
        Run run = run("check", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"verdict\" : \"NON_COMPLIANT\"", "DEADLINE.REGISTRATION_LATE", "2026-05-01");
    }

    @Test
    void checkOfAnInvalidSubmissionPrintsTheFieldErrorsAndExitsNonZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "type: ANNOUNCEMENT\nactivityName: 夏令營\n");
        Run run = run("check", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("\"field\" : \"announcementPeriod\"");
    }
}
