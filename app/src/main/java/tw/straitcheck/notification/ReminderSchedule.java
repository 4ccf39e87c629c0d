package tw.straitcheck.notification;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import tw.straitcheck.system.TaipeiClock;

/**
 * Runs the reminder job every day at {@code straitcheck.mail.reminders.cron} in Asia/Taipei, and
 * once shortly after start, so a day on which the app was down at that hour is caught up.
 * Off with {@code straitcheck.mail.reminders.enabled=false}.
 */
@Singleton
@Requires(property = "straitcheck.mail.reminders.enabled", notEquals = "false")
class ReminderSchedule {

    private final Reminders reminders;
    private final Clock clock;

    ReminderSchedule(Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(cron = "${straitcheck.mail.reminders.cron:0 0 8 * * *}", zoneId = "Asia/Taipei")
    void daily() {
        reminders.run(TaipeiClock.today(clock));
    }

    @Scheduled(initialDelay = "${straitcheck.mail.reminders.after-start:1m}")
    void afterStart() {
        reminders.run(TaipeiClock.today(clock));
    }
}
