package tw.straitcheck.checking;

import java.time.LocalDate;

/**
 * Which rulebase judges a check: the one in force on the check's day ({@code asOf}), not the day
 * the check runs (Drools' own {@code date-effective} reads the wall clock, so it is not used).
 */
@FunctionalInterface
public interface RulebaseSchedule {

    /** The rulebase in force on the given day, built and ready. */
    Rulebase inForceOn(LocalDate asOf);
}
