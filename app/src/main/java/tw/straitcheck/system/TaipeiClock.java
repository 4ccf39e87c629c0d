package tw.straitcheck.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Dates in the platform's calendar: "today" is the date in Asia/Taipei, wherever the server runs. */
public final class TaipeiClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Taipei");

    private TaipeiClock() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** A moment as every answer writes it: ISO-8601 with the +08:00 offset. */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
