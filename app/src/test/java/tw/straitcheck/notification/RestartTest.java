package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.notification.MailTests.address;
import static tw.straitcheck.notification.MailTests.await;
import static tw.straitcheck.notification.MailTests.outbox;
import static tw.straitcheck.notification.MailTests.received;
import static tw.straitcheck.notification.MailTests.registration;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;
import tw.straitcheck.notification.MailTests.Row;

/**
 * Mail survives the application stopping: it is in the database, not in memory. First with two
 * application contexts one after the other, then with the real thing, a process killed and started
 * again. This class's own context (no SMTP) only gives the embedded PostgreSQL's address.
 */
@MicronautTest(transactional = false)
class RestartTest {

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationContext context;

    @Inject
    TestAccounts accounts;

    private Map<String, Object> settings(String today, int smtpPort, String ministry) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.port", -1);
        // the same database as this class's context (the embedded server is picked by the main class's configurer)
        for (String key : List.of("url", "username", "password")) {
            settings.put("datasources.default." + key, context.getProperty("datasources.default." + key, String.class).orElse(""));
        }
        settings.put("straitcheck.test.today", today);
        settings.putAll(MailTests.smtpSettings(smtpPort));
        settings.put("straitcheck.mail.ministry-contacts", ministry);
        settings.put("straitcheck.mail.outbox.send-every", "100ms");
        settings.put("straitcheck.mail.reminders.enabled", false);
        return settings;
    }

    @Test
    void mailFiledBeforeTheAppStoppedWithNoSmtpServerReachableIsDeliveredOnceAfterTheNextStart() {
        int smtpPort = MailTests.freePort();
        String ministry = address("moe");
        List<String> filers = new ArrayList<>();
        List<String> receipts = new ArrayList<>();

        try (EmbeddedServer before = ApplicationContext.run(EmbeddedServer.class, settings("2026-05-20", smtpPort, ministry));
                HttpClient client = before.getApplicationContext().createBean(HttpClient.class, before.getURL())) {
            for (int i = 0; i < 3; i++) {
                filers.add(address("filer"));
                receipts.add(MailTests.file(client, accounts, registration("013301", address("leader")), filers.get(i)));
            }
            await("a failed attempt at each mail", Duration.ofSeconds(10),
                    () -> receipts.stream().allMatch(r -> outbox(dataSource, r).get(0).attempts() >= 1));
        }
        assertThat(receipts).allSatisfy(r -> assertThat(outbox(dataSource, r).get(0).status()).isEqualTo("PENDING"));

        GreenMail smtp = MailTests.smtpServer(smtpPort);
        smtp.start();
        // a day later, so the back-off after the failed attempts has passed
        try (EmbeddedServer after = ApplicationContext.run(EmbeddedServer.class, settings("2026-05-21", smtpPort, ministry))) {
            await("every mail sent", Duration.ofSeconds(10),
                    () -> receipts.stream().allMatch(r -> outbox(dataSource, r).get(0).status().equals("SENT")));
            for (String filer : filers) {
                assertThat(received(smtp, filer)).as(filer).hasSize(1);
            }
            assertThat(received(smtp, ministry)).hasSize(3);
        } finally {
            smtp.stop();
        }
    }

    // --- the real thing: java tw.straitcheck.cli.Application, killed and started again

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Process startApp(int httpPort, int smtpPort, String ministry, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "tw.straitcheck.cli.Application");
        Map<String, String> env = builder.environment();
        env.put("DATASOURCES_DEFAULT_URL", context.getRequiredProperty("datasources.default.url", String.class));
        env.put("DATASOURCES_DEFAULT_USERNAME", context.getProperty("datasources.default.username", String.class).orElse("postgres"));
        env.put("DATASOURCES_DEFAULT_PASSWORD", context.getProperty("datasources.default.password", String.class).orElse(""));
        env.put("PORT", String.valueOf(httpPort));
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(smtpPort));
        env.put("JAVAMAIL_PROPERTIES_MAIL_SMTP_EHLO", "false"); // see MailTests.smtpSettings
        env.put("MAIL_MINISTRY_CONTACTS", ministry);
        env.put("MAIL_SEND_EVERY", "200ms");
        env.put("MAIL_FIRST_RETRY", "500ms");
        env.put("MAIL_MAX_RETRY", "1s");
        env.put("MAIL_REMINDERS_ENABLED", "false");
        env.put("STRAITCHECK_DEMO_ACCOUNTS_ENABLED", "false");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process app = builder.start();
        URI ping = URI.create("http://127.0.0.1:" + httpPort + "/api/ping");
        await("the app answering on port " + httpPort + " (log: " + log + ")", Duration.ofSeconds(30), () -> {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited with " + app.exitValue() + "; log: " + log);
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(ping).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return app;
    }

    private static void kill(Process app) throws InterruptedException {
        app.destroyForcibly();
        app.waitFor();
    }

    @Test
    void anAppProcessKilledWithItsMailUnsentKeepsTheRecordAndSendsTheMailOnceAfterRestart() throws Exception {
        int httpPort = MailTests.freePort();
        int smtpPort = MailTests.freePort();
        String ministry = address("moe");
        String contact = address("leader");
        String filer = address("filer");
        Path log = Files.createDirectories(Path.of("target")).resolve("notification-restart-" + httpPort + ".log");
        GreenMail smtp = MailTests.smtpServer(smtpPort);
        Process app = startApp(httpPort, smtpPort, ministry, log);
        try {
            HttpResponse<String> filed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/submissions"))
                    .header("Content-Type", "application/json")
                    .header(TestAccounts.AUTHORIZATION, accounts.bearer(filer, Role.SCHOOL_USER, "013301"))
                    .POST(HttpRequest.BodyPublishers.ofString(registration("013301", contact).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
            String receipt = MailTests.JSON.readTree(filed.body()).get("receipt").asText();
            await("a failed attempt (no SMTP server)", Duration.ofSeconds(10), () -> outbox(dataSource, receipt).get(0).attempts() >= 1);
            kill(app);
            assertThat(outbox(dataSource, receipt)).extracting(Row::status).containsExactly("PENDING");

            smtp.start();
            app = startApp(httpPort, smtpPort, ministry, log);
            HttpResponse<String> kept = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/api/submissions/" + receipt))
                    .header(TestAccounts.AUTHORIZATION, accounts.bearer(filer, Role.SCHOOL_USER, "013301")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains(receipt);
            await("the mail sent after the restart", Duration.ofSeconds(10),
                    () -> outbox(dataSource, receipt).get(0).status().equals("SENT"));
            for (String address : List.of(filer, ministry)) {
                assertThat(received(smtp, address)).as(address).hasSize(1);
            }
            assertThat(received(smtp, contact)).as("the leader's address typed into the submission").isEmpty();
        } finally {
            kill(app);
            smtp.stop();
        }
    }
}
