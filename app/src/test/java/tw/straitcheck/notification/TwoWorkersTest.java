package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.notification.MailTests.address;
import static tw.straitcheck.notification.MailTests.outbox;
import static tw.straitcheck.notification.MailTests.received;
import static tw.straitcheck.notification.MailTests.registration;
import static tw.straitcheck.notification.MailTests.subject;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.TestAccounts;

/** Two workers (as two app instances would run) over one outbox: each mail goes out once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoWorkersTest implements TestPropertyProvider {

    private final int smtpPort = MailTests.freePort();
    private final GreenMail smtp = MailTests.smtpServer(smtpPort);
    private final String ministry = address("moe");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return MailTests.merged(MailTests.smtpSettings(smtpPort), Map.of(
                "straitcheck.test.today", "2026-05-20",
                "straitcheck.mail.ministry-contacts", ministry,
                "straitcheck.mail.outbox.scheduled", "false",
                "straitcheck.mail.outbox.batch-size", "1000",
                "straitcheck.mail.reminders.enabled", "false"));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void twoWorkersDrainingTheSameOutboxAtOnceSendEachMailExactlyOnce() throws Exception {
        List<String> filers = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            filers.add(address("filer"));
            receipts.add(MailTests.file(client, accounts, registration("013301", address("leader")), filers.get(i)));
        }
        OutboxWorker first = context.createBean(OutboxWorker.class);
        OutboxWorker second = context.createBean(OutboxWorker.class);
        assertThat(first).isNotSameAs(second);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> a = threads.submit(() -> {
                start.await();
                return first.sendDue();
            });
            Future<Integer> b = threads.submit(() -> {
                start.await();
                return second.sendDue();
            });
            start.countDown();
            a.get(15, TimeUnit.SECONDS);
            b.get(15, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        for (int i = 0; i < receipts.size(); i++) {
            String receipt = receipts.get(i);
            assertThat(outbox(dataSource, receipt)).singleElement().satisfies(row -> {
                assertThat(row.status()).isEqualTo("SENT");
                assertThat(row.attempts()).isEqualTo(1);
            });
            assertThat(received(smtp, filers.get(i))).as(filers.get(i)).hasSize(1);
            assertThat(received(smtp, ministry).stream().filter(m -> subject(m).contains(receipt))).hasSize(1);
        }
        assertThat(received(smtp, ministry)).hasSize(receipts.size());
    }

    @Test
    void aMailOneWorkerHasClaimedIsSkippedByTheOtherUntilItIsSent() throws Exception {
        String filer = address("filer");
        String receipt = MailTests.file(client, accounts, registration("013301", address("leader")), filer);
        long id = outbox(dataSource, receipt).get(0).id();
        OutboxWorker other = context.createBean(OutboxWorker.class);

        // Another worker's transaction holds the row's lock, as it does while it talks to the SMTP server ...
        try (Connection holder = MailTests.connection(dataSource)) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM outbox WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }

            // ... and this worker, running meanwhile, passes it by instead of sending it too.
            other.sendDue();
            assertThat(outbox(dataSource, receipt).get(0).status()).isEqualTo("PENDING");
            assertThat(received(smtp, filer)).isEmpty();
            holder.rollback();
        }
        other.sendDue();
        assertThat(outbox(dataSource, receipt).get(0).status()).isEqualTo("SENT");
        assertThat(received(smtp, filer)).hasSize(1);
    }
}
