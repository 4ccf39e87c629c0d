package tw.straitcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionFacts;

/**
 * One submission checked twice on its own day, with the version in force and with a draft, and
 * compared finding by finding as a replay is ({@link Replays#differences}). Thread-safe: each check
 * takes a session of its own from the two rulebases, each built once by the caller.
 */
public final class SideBySide {

    private final CheckEngine inForce;
    private final CheckEngine draft;
    private final JsonMapper json;

    public SideBySide(Rulebase inForce, Rulebase draft, JsonMapper json) {
        this.inForce = new CheckEngine(inForce);
        this.draft = new CheckEngine(draft);
        this.json = json;
    }

    /** A record the draft would judge otherwise: its verdict before and after, and each finding that changes. */
    @Serdeable
    public record Changed(String receipt, LocalDate asOf, String verdictBefore, String verdictAfter,
            List<Replays.FindingChange> changes) {
    }

    /** The difference the draft makes to this submission, or null when it judges it the same. */
    public @Nullable Changed compare(String receipt, Submission checked, LocalDate asOf) {
        // facts are inserted into a session and may be modified there: each check has its own
        CheckResult before = inForce.check(SubmissionFacts.of(checked, asOf));
        CheckResult after = draft.check(SubmissionFacts.of(checked, asOf));
        if (before.verdict() == after.verdict() && before.findings().equals(after.findings())) {
            // the same findings as values: nothing to write out and compare as the store keeps them
            return null;
        }
        JsonNode was = Replays.findings(json, before);
        JsonNode would = Replays.findings(json, after);
        List<Replays.FindingChange> changes = Replays.differences(was, would);
        if (changes.isEmpty() && before.verdict() == after.verdict()) {
            return null;
        }
        return new Changed(receipt, asOf, before.verdict().name(), after.verdict().name(), changes);
    }
}
