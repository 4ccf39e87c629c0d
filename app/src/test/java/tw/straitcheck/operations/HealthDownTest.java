package tw.straitcheck.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tw.straitcheck.TestAccounts;

/**
 * A database the service cannot reach makes /health DOWN (503), so a load balancer takes the
 * instance out; a system administrator sees which one.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.unreachable.url", value = "jdbc:postgresql://127.0.0.1:9/none")
@Property(name = "datasources.unreachable.driver-class-name", value = "org.postgresql.Driver")
@Property(name = "datasources.unreachable.username", value = "nobody")
@Property(name = "datasources.unreachable.password", value = "none")
@Property(name = "datasources.unreachable.initialization-fail-timeout", value = "-1")
@Property(name = "datasources.unreachable.connection-timeout", value = "500")
class HealthDownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Test
    void anUnreachableDatabaseMakesHealthDown() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(anonymous.body()).path("status").asText()).isEqualTo("DOWN");

        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health"))
                .header(TestAccounts.AUTHORIZATION, accounts.systemAdmin()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode details = JSON.readTree(admin.body()).path("details");
        assertThat(details.at("/jdbc/status").asText()).isEqualTo("DOWN");
    }
}
