package tw.straitcheck.checking;

import io.micronaut.serde.annotation.Serdeable;

/** A cited passage: {@code source} (ACT, ENTRY_RULES, HANDBOOK, SUBSIDY), its {@code ref} and the passage itself. */
@Serdeable
public record Citation(String source, String ref, String text) {
}
