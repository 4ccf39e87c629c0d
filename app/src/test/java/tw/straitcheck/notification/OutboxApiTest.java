package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.notification.MailTests.address;
import static tw.straitcheck.notification.MailTests.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import tw.straitcheck.TestAccounts;

/** With no SMTP server configured (the default), mail waits in the outbox and an administrator can list it. */
@MicronautTest(transactional = false)
class OutboxApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    ApplicationContext context;

    @Test
    void withoutAnSmtpHostThereIsNoWorkerAndGetApiOutboxListsTheFilingsMailAsPending() throws IOException {
        String contact = address("leader");
        String filer = address("filer");
        String receipt = MailTests.file(client, accounts, registration("013301", contact), filer);

        assertThat(context.containsBean(OutboxWorker.class)).isFalse();
        JsonNode list = MailTests.JSON.readTree(client.toBlocking().retrieve(asAdmin("/api/outbox?status=PENDING&receipt=" + receipt)));

        assertThat(list).hasSize(1);
        JsonNode mail = list.get(0);
        assertThat(mail.get("id").asLong()).isPositive();
        assertThat(mail.get("receipt").asText()).isEqualTo(receipt);
        assertThat(mail.get("purpose").asText()).isEqualTo("FILED_REGISTRATION");
        // the leader's address typed into the submission is not mailed: only the school's registered contacts (none here) and the filer
        assertThat(mail.get("recipients")).extracting(JsonNode::asText).containsExactly(filer);
        assertThat(mail.get("subject").asText()).contains(receipt);
        assertThat(mail.get("status").asText()).isEqualTo("PENDING");
        assertThat(mail.get("attempts").asInt()).isZero();
        assertThat(mail.get("lastError").isNull()).isTrue();
        assertThat(mail.get("createdAt").asText()).startsWith("2026-");
        assertThat(mail.get("sentAt").isNull()).isTrue();
        assertThat(MailTests.JSON.readTree(client.toBlocking().retrieve(asAdmin("/api/outbox?status=SENT&receipt=" + receipt)))).isEmpty();
    }

    /** The outbox is the system administrator's. */
    private io.micronaut.http.HttpRequest<?> asAdmin(String uri) {
        return io.micronaut.http.HttpRequest.GET(uri).header(TestAccounts.AUTHORIZATION, accounts.systemAdmin());
    }

    @Test
    void anUnknownStatusIsRefusedWith400() {
        try {
            client.toBlocking().retrieve(asAdmin("/api/outbox?status=LOST"));
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(400);
            return;
        }
        throw new AssertionError("expected 400");
    }
}
