package tw.straitcheck.checking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;
import tw.straitcheck.checking.dates.Due;
import tw.straitcheck.checking.facts.KeywordHit;
import tw.straitcheck.checking.facts.Leader;

/**
 * A finding as a rule raises it, inserted into the session as a fact so other rules can add to it
 * (a penalty that applies only to some persons). Which rule it comes from is read from the rule's
 * {@code @ruleId} metadata, never written twice. In DRL:
 * <pre>insert(Finding.of(drools).about($leader).due($due));</pre>
 */
public final class Finding {

    private final String ruleId;
    private LocalDate due;
    private String subject;
    /** The fact the finding concerns (a leader), so rules can find it without comparing names. */
    private Object concerns;
    private final List<Evidence> evidence = new ArrayList<>();
    private List<LocalDate> reminders = List.of();
    private String penalty;

    private Finding(String ruleId, String penalty) {
        this.ruleId = ruleId;
        this.penalty = penalty;
    }

    public static Finding of(RuleContext drools) {
        var metaData = drools.getRule().getMetaData();
        String ruleId = RuleDefinition.value(metaData, "ruleId");
        if (ruleId == null) {
            throw new IllegalStateException("rule \"" + drools.getRule().getName() + "\" raises a finding but has no @ruleId");
        }
        return new Finding(ruleId, RuleDefinition.value(metaData, "penalty"));
    }

    /** The leader the finding concerns; its {@code subject} is the leader's name. */
    public Finding about(Leader leader) {
        this.subject = leader.name();
        this.concerns = leader;
        return this;
    }

    public Finding due(Due due) {
        this.due = due.getDate();
        return this;
    }

    public Finding due(LocalDate due) {
        this.due = due;
        return this;
    }

    public Finding evidence(String field, Object value, String matched) {
        evidence.add(Evidence.of(field, value, matched));
        return this;
    }

    public Finding evidence(KeywordHit hit) {
        evidence.add(new Evidence(hit.path(), hit.value(), hit.keyword(), hit.context()));
        return this;
    }

    public Finding reminders(List<LocalDate> reminders) {
        this.reminders = List.copyOf(reminders);
        return this;
    }

    public String getRuleId() {
        return ruleId;
    }

    public LocalDate getDue() {
        return due;
    }

    public String getSubject() {
        return subject;
    }

    public Object getConcerns() {
        return concerns;
    }

    public List<Evidence> getEvidence() {
        return List.copyOf(evidence);
    }

    public List<LocalDate> getReminders() {
        return reminders;
    }

    public String getPenalty() {
        return penalty;
    }

    /** Set by a rule when the act's penalty applies to this finding (e.g. only for some identities). */
    public void setPenalty(String penalty) {
        this.penalty = penalty;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && ruleId.equals(f.ruleId) && Objects.equals(due, f.due)
                && Objects.equals(subject, f.subject) && concerns == f.concerns && evidence.equals(f.evidence)
                && reminders.equals(f.reminders) && Objects.equals(penalty, f.penalty);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, due, subject, evidence);
    }

    @Override
    public String toString() {
        return ruleId + (subject == null ? "" : " " + subject) + (due == null ? "" : " due " + due);
    }
}
