package tw.straitcheck.checking;

import io.micronaut.serde.annotation.Serdeable;

/** The penalty the act names for breaking a rule: the cited penalty provision and its fine range in NT$. */
@Serdeable
public record Penalty(String source, String ref, String text, Long minFine, Long maxFine, String currency) {
}
