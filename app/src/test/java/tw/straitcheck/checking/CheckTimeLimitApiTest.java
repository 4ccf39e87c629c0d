package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;

/**
 * The service on a rulebase with a rule that loops forever on announcements: a check of one
 * answers 503 in the one error shape, within the time limit, and filing one stores nothing; a check
 * of anything else is answered as usual.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckTimeLimitApiTest implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("straitcheck.rules.dir", LoopingRules.copy(Files.createTempDirectory("looping-rules")).toString(),
                    "straitcheck.checks.time-limit", "2s",
                    "straitcheck.checks.max-firings", "100000000",
                    "straitcheck.test.today", "2026-05-20");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpClientResponseException refused(MutableHttpRequest<String> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected the request to be refused");
    }

    private static MutableHttpRequest<String> post(String uri, JsonNode body) {
        return HttpRequest.POST(uri, body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Test
    void aCheckThatLoopsAnswers503WithinTheLimitAndNoVerdict() throws IOException {
        long started = System.nanoTime();
        HttpClientResponseException e = refused(post("/api/checks?asOf=2026-05-20",
                Fixtures.announcement("013301", LocalDate.of(2026, 7, 6))));
        long ms = (System.nanoTime() - started) / 1_000_000;

        assertThat(e.getStatus().getCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
        assertThat(body.get("message").get("en").asText()).startsWith("The check could not finish within its time limit");
        assertThat(body.get("message").get("zh").asText()).startsWith("本次檢核未能在時限內完成");
        assertThat(body.has("verdict")).isFalse();
        assertThat(body.has("findings")).isFalse();
        assertThat(ms).isLessThan(60_000);
    }

    @Test
    void filingASubmissionWhoseCheckLoopsStoresNothing() throws SQLException {
        String school = java.util.UUID.randomUUID().toString().substring(0, 8);
        MutableHttpRequest<String> request = post("/api/submissions", Fixtures.announcement(school, LocalDate.of(2026, 7, 6)));
        request.header(TestAccounts.AUTHORIZATION, accounts.filer(school));

        HttpClientResponseException e = refused(request);

        assertThat(e.getStatus().getCode()).isEqualTo(503);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM submission_record WHERE school_code = ?")) {
            s.setString(1, school);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aCheckOfAnythingElseIsAnsweredAsUsual() throws IOException {
        String response = client.toBlocking().retrieve(post("/api/checks?asOf=2026-05-20", Fixtures.visit("013301")), String.class);

        assertThat(JSON.readTree(response).get("verdict").asText()).isNotBlank();
    }
}
