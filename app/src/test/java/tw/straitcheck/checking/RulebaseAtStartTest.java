package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

/** The rulebase is built with the application, never on a request (the issue: "build the rulebase once at start"). */
class RulebaseAtStartTest {

    @Test
    void theRulebaseIsBuiltWhenTheApplicationStartsBeforeAnyCheck() {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            assertThat(context.getActiveBeanRegistrations(Rulebase.class)).hasSize(1);
        }
    }
}
