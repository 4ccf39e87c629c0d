package tw.straitcheck.checking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import tw.straitcheck.checking.dates.DueDates;
import tw.straitcheck.checking.facts.SpecialIdentities;
import tw.straitcheck.checking.text.Keywords;

/**
 * A compiled rulebase: the Drools KieBase built once from the DRL of {@code rules/} (sessions drawn
 * from a pool of it), the data the rules use (periods and calendars, keyword lists, the art 9(4)
 * identities), the cited sources, the words (titles, notes, evidence phrases) and the version that
 * every verdict records.
 */
public final class Rulebase {

    private final String version;
    private final String origin;
    private final KieSessionsPool sessions;
    private final Map<String, RuleDefinition> definitions;
    private final DueDates dates;
    private final Keywords keywords;
    private final SourceLibrary sources;
    private final Messages messages;
    private final SpecialIdentities identities;
    /** The policy data every check holds as facts: tier ratios, named policy settings. */
    private final List<Object> policyFacts;
    /** The globals the DRL declares, of {@code dates}, {@code keywords} and {@code identities}. */
    private final Map<String, Object> globals;
    /** Resolved once: the citations of each rule and the penalty of each penalty reference. */
    private final Map<String, List<Citation>> citations = new java.util.HashMap<>();
    private final Map<String, Penalty> penalties = new java.util.concurrent.ConcurrentHashMap<>();

    Rulebase(String version, String origin, KieSessionsPool sessions, Map<String, RuleDefinition> definitions,
            DueDates dates, Keywords keywords, SourceLibrary sources, Messages messages, SpecialIdentities identities,
            List<Object> policyFacts, Set<String> declaredGlobals) {
        this.policyFacts = List.copyOf(policyFacts);
        Map<String, Object> globals = new LinkedHashMap<>();
        Map.of("dates", dates, "keywords", keywords, "identities", identities).forEach((name, value) -> {
            if (declaredGlobals.contains(name)) {
                globals.put(name, value);
            }
        });
        this.globals = Map.copyOf(globals);
        this.version = version;
        this.origin = origin;
        this.sessions = sessions;
        this.definitions = definitions;
        this.dates = dates;
        this.keywords = keywords;
        this.sources = sources;
        this.messages = messages;
        this.identities = identities;
        penalty(identities.returnReportPenalty());
        for (RuleDefinition d : definitions.values()) {
            List<Citation> cited = new ArrayList<>();
            for (RuleDefinition.SourceRef ref : d.citations()) {
                cited.add(new Citation(ref.source(), ref.ref(), passage(ref).text()));
            }
            citations.put(d.ruleId(), List.copyOf(cited));
            if (d.penalty() != null) {
                penalty(d.penalty().toString());
            }
        }
    }

    public String version() {
        return version;
    }

    /** Where the rule files were read from (a folder, or the packaged jar). */
    public String origin() {
        return origin;
    }

    /** A session for one check; disposing it gives it back to the pool, reset. */
    KieSession newSession() {
        return sessions.newKieSession();
    }

    public DueDates dates() {
        return dates;
    }

    public Keywords keywords() {
        return keywords;
    }

    /** The art 9(4) identities data list, the DRL's global {@code identities}. */
    public SpecialIdentities identities() {
        return identities;
    }

    /** The data each session is given as a global, by the name the DRL declares it with. */
    public Map<String, Object> globals() {
        return globals;
    }

    /** The policy data inserted into every check (TierRatio, PolicySetting). */
    public List<Object> policyFacts() {
        return policyFacts;
    }

    /** The rulebase's words: titles, notes, evidence phrases. */
    public Messages messages() {
        return messages;
    }

    public SourceLibrary sources() {
        return sources;
    }

    /** Every rule that raises findings, by ruleId, in the order of the rule files. */
    public Collection<RuleDefinition> definitions() {
        return definitions.values();
    }

    public RuleDefinition definition(String ruleId) {
        RuleDefinition d = definitions.get(ruleId);
        if (d == null) {
            throw new IllegalArgumentException("no rule with ruleId " + ruleId);
        }
        return d;
    }

    /** Resolves a finding raised by the rules into what the response shows. */
    ReportedFinding report(Finding finding) {
        RuleDefinition d = definition(finding.getRuleId());
        Penalty penalty = finding.getPenalty() == null ? null : penalty(finding.getPenalty());
        return new ReportedFinding(d.ruleId(), d.kind(), finding.getDue(), finding.getSubject(), d.title(),
                citations.get(d.ruleId()), finding.evidence(messages), penalty, finding.getReminders(), d.note());
    }

    private Penalty penalty(String reference) {
        return penalties.computeIfAbsent(reference, r -> {
            RuleDefinition.SourceRef ref = RuleDefinition.SourceRef.parse(r);
            Passage p = passage(ref);
            Passage.Fine fine = p.fine();
            return new Penalty(ref.source(), ref.ref(), p.text(),
                    fine == null ? null : fine.min(), fine == null ? null : fine.max(),
                    fine == null ? null : fine.currency());
        });
    }

    Passage passage(RuleDefinition.SourceRef ref) {
        return sources.passage(ref.source(), ref.ref()).orElseThrow(() ->
                new IllegalStateException("citation " + ref + " does not resolve to a passage in rules/sources/"));
    }

    static Map<String, RuleDefinition> index(List<RuleDefinition> definitions) {
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        for (RuleDefinition d : definitions) {
            RuleDefinition twin = byId.putIfAbsent(d.ruleId(), d);
            if (twin != null) {
                throw new IllegalArgumentException("ruleId " + d.ruleId() + " is used by two rules: \""
                        + twin.ruleName() + "\" and \"" + d.ruleName() + "\"");
            }
        }
        return byId;
    }
}
