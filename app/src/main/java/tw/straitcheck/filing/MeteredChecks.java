package tw.straitcheck.filing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckInput;
import java.util.concurrent.TimeUnit;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.submission.Submission;

/**
 * The engine as the service runs it: every check, a pre-check or a filing's, timed and counted by
 * the submission's type and the verdict ({@code straitcheck_checks_seconds_count{type,verdict}} on
 * /prometheus), so an operator sees how many checks end in a violation and how long they take.
 */
@Singleton
class MeteredChecks {

    private final CheckEngine engine;
    private final MeterRegistry meters;

    MeteredChecks(CheckEngine engine, MeterRegistry meters) {
        this.engine = engine;
        this.meters = meters;
    }

    CheckResult check(Submission submission, CheckInput input) {
        long start = System.nanoTime();
        CheckResult result = engine.check(input);
        Timer.builder("straitcheck.checks")
                .description("Checks run by the engine, by submission type and verdict")
                .tag("type", submission.type())
                .tag("verdict", result.verdict().name())
                .register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }
}
