package tw.straitcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.checking.RulebaseLoader;
import tw.straitcheck.rulebook.CaseFile;
import tw.straitcheck.rulebook.CaseRunner;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.Localized;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * The jar's commands for policy staff and operators: run a folder of case files, check one
 * submission, measure the engine, fill a database with generated records ({@code seed}, the only
 * one that opens the database; none starts the web service).
 */
@Command(name = "straitcheck", mixinStandardHelpOptions = true,
        subcommands = {Cli.TestCases.class, Cli.Check.class, Bench.class, ImpactBench.class, Seed.class, CommandLine.HelpCommand.class})
public final class Cli {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();

    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        Localized description = Messages.of("cli.description");
        commandLine.getCommandSpec().usageMessage().description(description.zh() + " " + description.en());
        return commandLine.execute(args);
    }

    /** Chooses the rulebase: the packaged one, or a working folder of rule files being edited. */
    static class RulesOption {
        @Option(names = "--rules", paramLabel = "DIR",
                description = "Use the rule files in DIR (a working copy of rules/) instead of the packaged rulebase.")
        Path rules;

        Rulebase load() {
            return RulebaseLoader.load(rules == null ? RuleFiles.fromClasspath() : RuleFiles.fromDirectory(rules));
        }
    }

    @Command(name = "test-cases", description = "Run every case file (*.yaml) under FOLDER; one line per failing case, then 'N passed, N failed'.")
    static final class TestCases implements Callable<Integer> {
        @Parameters(paramLabel = "FOLDER", description = "A folder of case files, or one case file.")
        Path folder;

        @CommandLine.Mixin
        RulesMixin rules;

        @Override
        public Integer call() {
            if (!Files.exists(folder)) {
                System.err.println("no such folder: " + folder);
                return 2;
            }
            CaseRunner runner = new CaseRunner(new CheckEngine(rules.load()));
            return runner.runAll(folder, System.out) ? 0 : 1;
        }
    }

    @Command(name = "check", description = "Check one submission (JSON or YAML; a case file's submission is used too) and print the response JSON.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The submission, .json or .yaml.")
        Path file;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
                description = "The day to judge on (default: today in Asia/Taipei, or the case file's asOf).")
        LocalDate asOf;

        @CommandLine.Mixin
        RulesMixin rules;

        @Override
        public Integer call() throws IOException {
            String name = file.getFileName().toString();
            JsonNode root = (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON).readTree(file.toFile());
            LocalDate day = asOf;
            JsonNode submission = root;
            List<Object> history = List.of();
            if (root != null && (root.has("submission") || root.has("baseline")) && !root.has("type")) {
                CaseFile c = CaseFile.read(file); // a baseline: is merged with the case's with:
                submission = c.submission();
                history = tw.straitcheck.rulebook.HistoryFacts.of(c.history());
                if (day == null) {
                    day = c.asOf();
                }
            }
            if (day == null) {
                day = TaipeiClock.today(java.time.Clock.systemUTC());
            }
            SubmissionReader.Result read = SubmissionReader.read(submission);
            PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
            if (!read.valid()) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        Map.of("message", ErrorBody.INVALID_MESSAGE, "errors", ErrorBody.errors(read.errors()))));
                return 1;
            }
            CheckResult result = new CheckEngine(rules.load()).check(SubmissionFacts.of(read.submission(), day, history));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    JSON.readTree(io.micronaut.serde.ObjectMapper.getDefault().writeValueAsString(result))));
            return 0;
        }
    }

    /** --rules, shared by the commands. */
    static final class RulesMixin extends RulesOption {
    }
}
