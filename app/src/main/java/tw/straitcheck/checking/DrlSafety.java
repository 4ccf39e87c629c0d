package tw.straitcheck.checking;

import java.util.List;

/**
 * Refuses policy-authored DRL that reaches outside what rules may use (issue 10: the JDK's
 * SecurityManager and with it Drools' sandbox are gone). Called for every DRL file of a draft
 * before it is compiled ({@link RulebaseLoader#tryLoad}); an empty answer lets the file through.
 */
public interface DrlSafety {

    /** The problems of one DRL file ({@code path} relative to rules/), each at its line. */
    List<RuleProblem> check(String path, String drl);
}
