package tw.straitcheck.checking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;
import tw.straitcheck.checking.dates.Due;
import tw.straitcheck.checking.facts.KeywordHit;
import tw.straitcheck.checking.facts.Leader;
import tw.straitcheck.system.Localized;

/**
 * A finding as a rule raises it. Immutable: each method returns a new finding with one more
 * thing said, so no rule can change a finding another rule raised. Which rule it comes from, and
 * its default penalty, are read from the rule's {@code @ruleId} and {@code @penalty} metadata,
 * never written twice. In DRL:
 * <pre>insert(Finding.of(drools).about($leader).due($due));</pre>
 * Evidence words are {@link Phrase}s, rendered from the rulebase's messages when the finding is
 * reported.
 */
public final class Finding {

    /** One piece of evidence as the rule gives it: {@code matched} is a text as it is, or a phrase to render. */
    record Clue(String field, String value, String matched, Phrase phrase, String context) {

        Evidence render(Messages messages) {
            if (phrase == null) {
                return new Evidence(field, value, matched, context);
            }
            Localized words = messages.render(phrase);
            // one string for both languages, as the API has always given it: "逾期 3 日 / 3 days late"
            return new Evidence(field, value, words.zh() + " / " + words.en(), context);
        }
    }

    private final String ruleId;
    private final LocalDate due;
    private final String subject;
    /** The fact the finding concerns (a leader): two leaders of the same name raise two findings. */
    private final Object concerns;
    private final List<Clue> evidence;
    private final List<LocalDate> reminders;
    private final String penalty;

    private Finding(String ruleId, LocalDate due, String subject, Object concerns, List<Clue> evidence,
            List<LocalDate> reminders, String penalty) {
        this.ruleId = ruleId;
        this.due = due;
        this.subject = subject;
        this.concerns = concerns;
        this.evidence = List.copyOf(evidence);
        this.reminders = List.copyOf(reminders);
        this.penalty = penalty;
    }

    public static Finding of(RuleContext drools) {
        var metaData = drools.getRule().getMetaData();
        String ruleId = RuleDefinition.value(metaData, "ruleId");
        if (ruleId == null) {
            throw new IllegalStateException("rule \"" + drools.getRule().getName() + "\" raises a finding but has no @ruleId");
        }
        return new Finding(ruleId, null, null, null, List.of(), List.of(), RuleDefinition.value(metaData, "penalty"));
    }

    /** The leader the finding concerns; its {@code subject} is the leader's name. */
    public Finding about(Leader leader) {
        return new Finding(ruleId, due, leader.name(), leader, evidence, reminders, penalty);
    }

    /** What the finding is about when it is not a leader: a document code, a work item. */
    public Finding about(String subject) {
        return new Finding(ruleId, due, subject, concerns, evidence, reminders, penalty);
    }

    public Finding due(Due due) {
        return due(due.getDate());
    }

    public Finding due(LocalDate due) {
        return new Finding(ruleId, due, subject, concerns, evidence, reminders, penalty);
    }

    /**
     * The penalty a derived fact chose (a reference such as "ACT art 91(4)", resolved when the
     * rulebase loads), instead of the rule's {@code @penalty}; null: none applies.
     */
    public Finding penalty(String reference) {
        return new Finding(ruleId, due, subject, concerns, evidence, reminders, reference);
    }

    /** Evidence whose {@code matched} is a code or value quoted as it is ("VIDEO", "2026-06-06"), not words. */
    public Finding evidence(String field, Object value, String matched) {
        return with(new Clue(field, value == null ? null : value.toString(), matched, null, null));
    }

    /** Evidence whose {@code matched} is words: a phrase of the rulebase's messages. */
    public Finding evidence(String field, Object value, Phrase matched) {
        return with(new Clue(field, value == null ? null : value.toString(), null, Objects.requireNonNull(matched), null));
    }

    public Finding evidence(KeywordHit hit) {
        return with(new Clue(hit.path(), hit.value(), hit.keyword(), null, hit.context()));
    }

    public Finding reminders(List<LocalDate> reminders) {
        return new Finding(ruleId, due, subject, concerns, evidence, reminders, penalty);
    }

    private Finding with(Clue clue) {
        List<Clue> more = new ArrayList<>(evidence);
        more.add(clue);
        return new Finding(ruleId, due, subject, concerns, more, reminders, penalty);
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

    /** The evidence with its phrases rendered from the given messages. */
    public List<Evidence> evidence(Messages messages) {
        return evidence.stream().map(c -> c.render(messages)).toList();
    }

    public List<LocalDate> getReminders() {
        return reminders;
    }

    public String getPenalty() {
        return penalty;
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
