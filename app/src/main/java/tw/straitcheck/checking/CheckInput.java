package tw.straitcheck.checking;

import java.time.LocalDate;
import java.util.List;
import tw.straitcheck.checking.facts.Check;

/**
 * What the engine checks: the day it judges on and the facts (from {@code checking.facts}) that the
 * rules match. Whoever calls the engine maps its own model to these facts; the engine knows nothing
 * of where they came from.
 */
public record CheckInput(LocalDate asOf, List<Object> facts) {

    public CheckInput {
        facts = List.copyOf(facts);
        if (facts.stream().noneMatch(f -> f instanceof Check c && c.asOf().equals(asOf))) {
            throw new IllegalArgumentException("the facts must hold the Check fact for " + asOf);
        }
    }
}
