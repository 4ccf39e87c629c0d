package tw.straitcheck.checking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.runtime.KieSession;

/**
 * Checks facts against a rulebase: the rules fire, and the
 * findings they raise become the verdict. Thread-safe: each check has a session of its own from
 * the rulebase built once. The rulebase is the one in force on the check's {@code asOf}, taken
 * once when the check starts: a check in flight finishes on it even if another version goes live.
 */
public final class CheckEngine {

    private final RulebaseSchedule schedule;

    /** An engine that always checks with this rulebase (the command line, a draft, a replay). */
    public CheckEngine(Rulebase rulebase) {
        this(asOf -> rulebase);
    }

    public CheckEngine(RulebaseSchedule schedule) {
        this.schedule = schedule;
    }

    /** The rulebase that judges a check on the given day. */
    public Rulebase rulebaseOn(LocalDate asOf) {
        return schedule.inForceOn(asOf);
    }

    public CheckResult check(CheckInput input) {
        LocalDate asOf = input.asOf();
        Rulebase rulebase = schedule.inForceOn(asOf);
        KieSession session = rulebase.newSession();
        Set<Finding> raised = new LinkedHashSet<>();
        try {
            session.setGlobal("dates", rulebase.dates());
            session.setGlobal("keywords", rulebase.keywords());
            session.setGlobal("identities", rulebase.identities());
            for (Object fact : rulebase.policyFacts()) {
                session.insert(fact);
            }
            for (Object fact : input.facts()) {
                session.insert(fact);
            }
            session.fireAllRules();
            for (Object o : session.getObjects(o -> o instanceof Finding)) {
                raised.add((Finding) o);
            }
        } finally {
            session.dispose();
        }
        List<ReportedFinding> findings = new ArrayList<>(raised.size());
        Set<FindingKind> kinds = new LinkedHashSet<>();
        for (Finding f : raised) {
            ReportedFinding reported = rulebase.report(f);
            findings.add(reported);
            kinds.add(reported.kind());
        }
        findings.sort(ReportedFinding.READING_ORDER);
        return new CheckResult(Verdict.of(kinds), asOf, rulebase.version(), List.copyOf(findings));
    }
}
