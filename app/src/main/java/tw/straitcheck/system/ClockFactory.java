package tw.straitcheck.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock "today" is read from; tests replace it to move time. */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.system(TaipeiClock.ZONE);
    }
}
