package tw.straitcheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import tw.straitcheck.system.TaipeiClock;

/**
 * A clock tests can set and move, standing in for the system clock (not for any component of
 * ours): register it with {@code @Replaces(Clock.class)} in a test factory, or pass it directly.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** Noon in Asia/Taipei on the given day. */
    public static MutableClock at(LocalDate day) {
        return new MutableClock(day.atTime(12, 0).atZone(TaipeiClock.ZONE).toInstant());
    }

    public void setDay(LocalDate day) {
        now = day.atTime(12, 0).atZone(TaipeiClock.ZONE).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return TaipeiClock.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
