package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.scheduling.cron.CronExpression;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import tw.straitcheck.system.TaipeiClock;

/** The mail settings as application.yml gives them, with contacts given as one comma-separated value (as an environment variable would). */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.mail.ministry-contacts", value = "moe-a@mail.moe.gov.tw, moe-b@mail.moe.gov.tw")
@Property(name = "straitcheck.mail.school-admins.013301", value = "admin@mail.phmhs.phc.edu.tw")
class MailSettingsTest {

    @Inject
    MailSettings settings;

    @Inject
    ApplicationContext context;

    @Test
    void contactsGivenAsOneCommaSeparatedValueAreEachAnAddress() {
        assertThat(settings.ministryContacts()).containsExactly("moe-a@mail.moe.gov.tw", "moe-b@mail.moe.gov.tw");
        assertThat(settings.macContacts()).isEmpty();
        assertThat(settings.schoolAdmins("013301")).containsExactly("admin@mail.phmhs.phc.edu.tw");
        assertThat(settings.schoolAdmins("999999")).isEmpty();
        assertThat(settings.from()).isEqualTo("no-reply@localhost");
    }

    @Test
    void aFailedMailIsRetriedAfter1_2_4MinutesAndSoOnUpTo6HoursAndGivenUpAfter8Attempts() {
        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.retryDelay(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(settings.retryDelay(10)).isEqualTo(Duration.ofHours(6));
        assertThat(settings.retryDelay(40)).isEqualTo(Duration.ofHours(6));
        assertThat(settings.maxAttempts()).isEqualTo(8);
    }

    @Test
    void theReminderJobRunsDailyAt8InTaipeiSoAfter9OnMay20ItNextRunsOnMay21At8() {
        assertThat(context.containsBean(ReminderSchedule.class)).isTrue();
        CronExpression cron = CronExpression.create(context.getRequiredProperty("straitcheck.mail.reminders.cron", String.class));
        ZonedDateTime started = ZonedDateTime.of(2026, 5, 20, 9, 0, 0, 0, TaipeiClock.ZONE);
        assertThat(cron.nextTimeAfter(started)).isEqualTo(ZonedDateTime.of(2026, 5, 21, 8, 0, 0, 0, TaipeiClock.ZONE));
    }
}
