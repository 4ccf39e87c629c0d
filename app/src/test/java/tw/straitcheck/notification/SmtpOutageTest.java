package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.notification.MailTests.address;
import static tw.straitcheck.notification.MailTests.outbox;
import static tw.straitcheck.notification.MailTests.received;
import static tw.straitcheck.notification.MailTests.registration;
import static tw.straitcheck.notification.MailTests.subject;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.notification.MailTests.Row;

/**
 * The SMTP server is down (nothing listens on the configured port): mail waits, every attempt
 * counted with its error, retried after a doubling back-off (1 min, 2 min, …), FAILED after 3
 * attempts. The worker is run by the test, on the test's clock.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpOutageTest implements TestPropertyProvider {

    private final int smtpPort = MailTests.freePort();
    private final String ministry = address("moe");
    private GreenMail smtp;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxWorker worker;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return MailTests.merged(MailTests.smtpSettings(smtpPort), Map.of(
                "straitcheck.test.today", "2026-05-20",
                "straitcheck.mail.ministry-contacts", ministry,
                "straitcheck.mail.outbox.scheduled", "false",
                "straitcheck.mail.outbox.max-attempts", "3",
                "straitcheck.mail.outbox.first-retry", "1m",
                "straitcheck.mail.outbox.max-retry", "10m",
                "straitcheck.mail.reminders.enabled", "false"));
    }

    @BeforeEach
    void smtpServerDown() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        smtp = MailTests.smtpServer(smtpPort);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    /** Runs the worker until nothing more is due now. */
    private void drain() {
        while (worker.sendDue() > 0) {
            // next batch
        }
    }

    @Test
    void mailFiledWhileTheSmtpServerIsDownStaysPendingWithItsErrorAndIsDeliveredOnceWhenTheServerIsBack() {
        List<String> filers = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filers.add(address("filer"));
            receipts.add(MailTests.file(client, accounts, registration("013301", address("leader")), filers.get(i)));
        }

        drain();
        for (String receipt : receipts) {
            Row row = outbox(dataSource, receipt).get(0);
            assertThat(row.status()).isEqualTo("PENDING");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).contains("127.0.0.1").contains(String.valueOf(smtpPort));
        }
        drain(); // not due again before the back-off has passed
        assertThat(receipts).allSatisfy(r -> assertThat(outbox(dataSource, r).get(0).attempts()).isEqualTo(1));

        clock.advance(Duration.ofMinutes(1));
        drain();
        assertThat(receipts).allSatisfy(r -> assertThat(outbox(dataSource, r).get(0).attempts()).isEqualTo(2));

        smtp.start();
        clock.advance(Duration.ofMinutes(1)); // the second retry waits 2 minutes
        drain();
        assertThat(receipts).allSatisfy(r -> assertThat(outbox(dataSource, r).get(0).status()).isEqualTo("PENDING"));
        clock.advance(Duration.ofMinutes(1));
        drain();
        clock.advance(Duration.ofHours(1));
        drain();

        for (int i = 0; i < receipts.size(); i++) {
            Row row = outbox(dataSource, receipts.get(i)).get(0);
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.attempts()).isEqualTo(3);
            assertThat(received(smtp, filers.get(i))).hasSize(1);
            String receipt = receipts.get(i);
            assertThat(received(smtp, ministry).stream().filter(m -> subject(m).contains(receipt))).hasSize(1);
        }
        assertThat(received(smtp, ministry)).hasSize(3);
    }

    @Test
    void aMailStillUndeliveredAfterThreeAttemptsIsFailedAndNotTriedAgain() {
        String filer = address("filer");
        String receipt = MailTests.file(client, accounts, registration("013301", address("leader")), filer);

        for (int i = 0; i < 5; i++) {
            drain();
            clock.advance(Duration.ofMinutes(10));
        }
        Row row = outbox(dataSource, receipt).get(0);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).isNotBlank();

        smtp.start();
        clock.advance(Duration.ofDays(1));
        drain();
        assertThat(outbox(dataSource, receipt).get(0).status()).isEqualTo("FAILED");
        assertThat(received(smtp, filer)).isEmpty();
    }
}
