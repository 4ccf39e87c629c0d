package tw.straitcheck.checking;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What stops a rulebase from being built, where it is: the file relative to {@code rules/}
 * ("act/art-9-entry-permits/Permits.drl", or "" when it is about the rulebase as a whole), the
 * line (1-based; 0 when no line is known) and the message.
 */
@Serdeable
public record RuleProblem(String file, int line, String message) {
}
