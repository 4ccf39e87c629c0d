package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.Fixtures;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ApiException;

/**
 * A check has a time limit and a number of firings: a rule that loops forever is stopped and the
 * check fails closed (503, no verdict); an ordinary check on the same rulebase is unaffected.
 */
class CheckLimitsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 20);

    @TempDir
    static Path temp;

    private static Rulebase looping;

    @BeforeAll
    static void aRulebaseWithALoop() throws IOException {
        looping = RulebaseLoader.load(RuleFiles.fromDirectory(LoopingRules.copy(temp)));
    }

    private static CheckInput announcement() {
        return SubmissionFacts.of(SubmissionReader.read(Fixtures.announcement("013301", LocalDate.of(2026, 7, 6)))
                .submission(), AS_OF);
    }

    private static CheckInput visit() {
        return SubmissionFacts.of(SubmissionReader.read(Fixtures.visit("013301")).submission(), AS_OF);
    }

    private static void failsClosed(CheckEngine engine) {
        assertThatThrownBy(() -> engine.check(announcement()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(503);
                    assertThat(e.body(null).message().en()).startsWith("The check could not finish");
                    assertThat(e.body(null).message().zh()).startsWith("本次檢核未能在時限內完成");
                });
    }

    @Test
    void aRuleThatLoopsForeverIsHaltedAtTheTimeLimit() {
        CheckEngine engine = new CheckEngine(looping, new CheckLimits(Duration.ofMillis(400), Integer.MAX_VALUE));

        long started = System.nanoTime();
        failsClosed(engine);
        long ms = (System.nanoTime() - started) / 1_000_000;

        // the limit is the thread's CPU time, so never less in wall-clock time; the rest is generous
        // for a machine where the looping thread gets a fraction of a core
        assertThat(ms).isGreaterThanOrEqualTo(400).isLessThan(30_000);
    }

    @Test
    void theNumberOfFiringsIsASecondFence() {
        CheckEngine engine = new CheckEngine(looping, new CheckLimits(Duration.ofMinutes(1), 1_000));

        long started = System.nanoTime();
        failsClosed(engine);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anOrdinaryCheckIsUnaffectedBeforeAndAfterAHaltedOne() {
        CheckEngine engine = new CheckEngine(looping, new CheckLimits(Duration.ofSeconds(2), Integer.MAX_VALUE));
        CheckResult expected = ProjectFiles.engine().check(visit());

        CheckResult before = engine.check(visit());
        failsClosed(engine);
        CheckResult after = engine.check(visit());

        assertThat(before.findings()).isEqualTo(expected.findings());
        assertThat(after.findings()).isEqualTo(expected.findings());
        assertThat(after.verdict()).isEqualTo(expected.verdict());
    }

    @Test
    void theLimitsMustBePositive() {
        assertThatThrownBy(() -> new CheckLimits(Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckLimits(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
