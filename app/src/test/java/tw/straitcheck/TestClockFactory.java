package tw.straitcheck;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/**
 * In a test context with {@code straitcheck.test.today=YYYY-MM-DD}, "today" is that day in
 * Asia/Taipei, and the test can move it by injecting {@link MutableClock}.
 */
@Factory
@Requires(property = "straitcheck.test.today")
public class TestClockFactory {

    @Singleton
    @Replaces(bean = Clock.class, factory = tw.straitcheck.system.ClockFactory.class)
    MutableClock testClock(@Value("${straitcheck.test.today}") String today) {
        return MutableClock.at(LocalDate.parse(today));
    }
}
