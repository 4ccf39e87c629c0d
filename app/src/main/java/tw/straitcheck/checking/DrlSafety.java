package tw.straitcheck.checking;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Whether a DRL file stays inside what a rule may use. Policy staff write the rules, and the JDK
 * no longer has a sandbox (JEP 486 removed the SecurityManager, and Drools' own sandbox with it):
 * a rule's code runs with the service's rights. So a DRL is read before Drools compiles it, and
 * refused, with the line, when it names anything outside the allow-list ({@link AllowListDrlSafety}).
 */
public interface DrlSafety {

    /**
     * The problems of one DRL file, in the order of its lines; empty when the file is safe to compile.
     *
     * @param path the file's path under rules/ (named in each problem)
     * @param drl the file's text
     */
    List<RuleProblem> check(String path, String drl);

    /**
     * The problems of a whole rulebase (path → text), file by file. Types a file declares are
     * seen by the other files of its package, so a rulebase (or a draft of one) is checked whole;
     * {@link #check(String, String)} sees only the types of its own file.
     */
    default List<RuleProblem> check(java.util.Map<String, String> files) {
        List<RuleProblem> problems = new java.util.ArrayList<>();
        files.forEach((path, drl) -> problems.addAll(check(path, drl)));
        return List.copyOf(problems);
    }

    /** One refusal: the file, its line (1-based) and what is refused there, in English for policy staff. */
    @Serdeable
    record RuleProblem(String file, int line, String message) {

        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }
}
