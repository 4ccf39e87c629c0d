package tw.straitcheck;

import java.nio.file.Files;
import java.nio.file.Path;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.checking.RulebaseLoader;

/** The project's own folders (rules/, test-cases/) and the rulebase built from them, once per test run. */
public final class ProjectFiles {

    private static Rulebase rulebase;

    private ProjectFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("straitcheck.project.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        if (!Files.isDirectory(root.resolve("rules"))) {
            root = Path.of(".");
        }
        return root.toAbsolutePath().normalize();
    }

    public static Path rules() {
        return root().resolve("rules");
    }

    public static Path testCases() {
        return root().resolve("test-cases");
    }

    public static synchronized Rulebase rulebase() {
        if (rulebase == null) {
            rulebase = RulebaseLoader.load(RuleFiles.fromDirectory(rules()));
        }
        return rulebase;
    }

    public static CheckEngine engine() {
        return new CheckEngine(rulebase());
    }
}
