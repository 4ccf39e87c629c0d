package tw.straitcheck.rulebook;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.FieldError;

/**
 * Runs case files against a rulebase, so policy staff can test a rule change against the corpus
 * before publishing it. Matching follows shared/spec/test-case-format.md: expected findings are a
 * subset, {@code absent} ruleIds must not appear, expected error fields match by prefix.
 */
public final class CaseRunner {

    private final CheckEngine engine;

    public CaseRunner(CheckEngine engine) {
        this.engine = engine;
    }

    /** The outcome of one case: empty {@code differences} means it passed. */
    public record Outcome(Path path, String name, List<String> differences) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /**
     * Every *.yaml / *.yml file under the folder (or the file itself), in path order, except the
     * baseline submissions in a {@code baselines/} folder, which are not cases.
     */
    public static List<Path> caseFiles(Path folderOrFile) {
        if (Files.isRegularFile(folderOrFile)) {
            return List.of(folderOrFile);
        }
        try (Stream<Path> files = Files.walk(folderOrFile)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !CaseFile.isBaseline(folderOrFile, p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folderOrFile, e);
        }
    }

    public Outcome run(CaseFile c) {
        List<String> differences = new ArrayList<>();
        SubmissionReader.Result read = SubmissionReader.read(c.submission());
        CaseFile.Expectation expect = c.expect();
        if (!read.valid()) {
            if (!"INVALID".equals(expect.verdict())) {
                differences.add("expected " + expect.verdict() + " but the submission was refused: " + describe(read.errors()));
            }
            for (String field : expect.errors()) {
                if (read.errors().stream().noneMatch(e -> e.field().startsWith(field))) {
                    differences.add("expected an error at " + field + ", got " + describe(read.errors()));
                }
            }
            return new Outcome(c.path(), c.name(), differences);
        }
        if ("INVALID".equals(expect.verdict())) {
            differences.add("expected INVALID (errors at " + expect.errors() + ") but the submission was accepted");
            return new Outcome(c.path(), c.name(), differences);
        }
        CheckResult result = engine.check(SubmissionFacts.of(read.submission(), c.asOf(), HistoryFacts.of(c.history())));
        if (!result.verdict().name().equals(expect.verdict())) {
            differences.add("verdict " + result.verdict() + ", expected " + expect.verdict());
        }
        for (CaseFile.ExpectedFinding wanted : expect.findings()) {
            if (result.findings().stream().noneMatch(f -> matches(wanted, f))) {
                differences.add("missing " + wanted + "; got " + describeFindings(result, wanted.ruleId()));
            }
        }
        for (String ruleId : expect.absent()) {
            if (result.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId))) {
                differences.add("unexpected " + describeFindings(result, ruleId));
            }
        }
        return new Outcome(c.path(), c.name(), differences);
    }

    /**
     * Runs every case under the folder, printing one line per failing case and, last,
     * "N passed, N failed". Returns false when a case failed or a file could not be read.
     * A case's {@code baseline:} is read from the {@code baselines/} folder in the folder or the
     * nearest one above it (so {@code test-cases/act/art-9-entry-permits/} uses {@code test-cases/baselines/}).
     */
    public boolean runAll(Path folder, PrintStream out) {
        int passed = 0;
        int failed = 0;
        CaseFile.Baselines baselines = CaseFile.Baselines.near(folder);
        for (Path file : caseFiles(folder)) {
            Outcome outcome;
            try {
                outcome = run(CaseFile.read(file, baselines));
            } catch (IOException | RuntimeException e) {
                out.println("ERROR " + file + ": " + e.getMessage());
                failed++;
                continue;
            }
            if (outcome.passed()) {
                passed++;
            } else {
                failed++;
                out.println("FAIL " + file + " (" + outcome.name() + "): " + String.join("; ", outcome.differences()));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 && passed > 0;
    }

    private static boolean matches(CaseFile.ExpectedFinding wanted, ReportedFinding f) {
        return f.ruleId().equals(wanted.ruleId())
                && (wanted.due() == null || wanted.due().equals(f.due()))
                && (wanted.subject() == null || wanted.subject().equals(f.subject()));
    }

    private static String describeFindings(CheckResult result, String ruleId) {
        List<String> found = result.findings().stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .map(f -> f.ruleId() + (f.due() == null ? "" : " due " + f.due())
                        + (f.subject() == null ? "" : " subject " + f.subject()))
                .toList();
        return found.isEmpty() ? "no " + ruleId : String.join(", ", found);
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " (" + e.en() + ")").toList().toString();
    }
}
