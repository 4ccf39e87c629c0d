package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import tw.straitcheck.system.TaipeiClock;

/** A time or a day as the pages show it: YYYY/MM/DD HH:mm in Asia/Taipei, YYYY/MM/DD; empty for none. */
public final class Shown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm").withZone(TaipeiClock.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    private Shown() {
    }

    public static String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public static String day(@Nullable LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
