package tw.straitcheck.checking.facts;

import java.math.BigDecimal;

/** A named policy figure of {@code rules/policy.yaml} (e.g. {@code poor-execution-rate}, in percent). */
public record PolicySetting(String name, BigDecimal value) {
}
