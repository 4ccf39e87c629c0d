package tw.straitcheck.checking;

import java.util.List;
import java.util.Objects;

/**
 * Words a rule puts in a finding's evidence, by message key: the text is in the rulebase's message
 * bundles (rules/messages/), never in DRL or Java. {@code {0}}, {@code {1}}… in the message stand for
 * the arguments. In DRL:
 * <pre>.evidence("asOf", $asOf, Phrase.of("evidence.days-late", $due.daysLateOn($asOf)))</pre>
 * Every key a DRL file names literally is checked when the rulebase loads.
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        Objects.requireNonNull(key, "a phrase needs its message key");
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, List.of(args));
    }
}
