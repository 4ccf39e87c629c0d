package tw.straitcheck.checking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.checking.facts.KeywordHit;
import tw.straitcheck.checking.facts.TextField;
import tw.straitcheck.system.ApiException;

/**
 * Checks facts against a rulebase: every text among the facts is matched against the rulebase's
 * keyword lists once (the hits become facts too), the rules fire, and the findings they raise
 * become the verdict. Thread-safe: each check has a session of its own from
 * the rulebase built once. The rulebase is the one in force on the check's {@code asOf}, taken
 * once when the check starts: a check in flight finishes on it even if another version goes live.
 *
 * <p>A check has limits ({@link CheckLimits}): a time limit, kept by {@link CheckWatchdog}, and a
 * number of rule firings. A check that reaches either fails closed: it answers 503 "the check
 * could not finish", never the findings raised so far (a partial verdict would read as a real one),
 * and its session is destroyed rather than returned to the pool.
 */
public final class CheckEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CheckEngine.class);

    private final RulebaseSchedule schedule;
    private final CheckLimits limits;

    /** An engine that always checks with this rulebase (the command line, a draft, a replay). */
    public CheckEngine(Rulebase rulebase) {
        this(asOf -> rulebase, CheckLimits.DEFAULT);
    }

    public CheckEngine(Rulebase rulebase, CheckLimits limits) {
        this(asOf -> rulebase, limits);
    }

    /** An engine that checks each day with the rulebase in force on it, within the limits of one check. */
    public CheckEngine(RulebaseSchedule schedule, CheckLimits limits) {
        this.schedule = schedule;
        this.limits = limits;
    }

    /** The rulebase that judges a check on the given day. */
    public Rulebase rulebaseOn(LocalDate asOf) {
        return schedule.inForceOn(asOf);
    }

    public CheckResult check(CheckInput input) {
        LocalDate asOf = input.asOf();
        Rulebase rulebase = schedule.inForceOn(asOf);
        KieSession session = rulebase.newSession();
        CheckWatchdog.Watch watch = CheckWatchdog.SHARED.watch(session, limits.timeLimit());
        Set<Finding> raised = new LinkedHashSet<>();
        // the findings as the rules insert them: a rulebase is immutable, so the session does not
        // keep a fact that no rule matches (a finding), and they cannot be read back afterwards
        RuleRuntimeEventListener collector = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent inserted) {
                if (inserted.getObject() instanceof Finding finding) {
                    raised.add(finding);
                }
            }
        };
        session.addEventListener(collector);
        boolean finished = false;
        try {
            rulebase.globals().forEach(session::setGlobal);
            for (Object fact : rulebase.policyFacts()) {
                session.insert(fact);
            }
            for (Object fact : input.facts()) {
                session.insert(fact);
            }
            // every text against every list, once: the hits are facts, the rules pick list and field
            for (Object fact : input.facts()) {
                if (fact instanceof TextField text) {
                    for (KeywordHit hit : rulebase.keywords().hits(text)) {
                        session.insert(hit);
                    }
                }
            }
            int fired = session.fireAllRules(limits.maxFirings());
            boolean inTime = watch.finish();
            if (!inTime || fired >= limits.maxFirings()) {
                LOG.warn("A check as of {} did not finish ({}) under rulebase {}: answered 503, no verdict", asOf,
                        inTime ? fired + " rule firings, the most one check may take" : "halted at the time limit of " + limits.timeLimit(),
                        rulebase.version());
                throw ApiException.checkDidNotFinish();
            }
            finished = true;
        } finally {
            watch.finish();
            session.removeEventListener(collector);
            if (finished) {
                session.dispose();
            } else {
                // halted, or failed: never back to the pool
                session.destroy();
            }
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
