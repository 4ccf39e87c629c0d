package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Fixtures;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.Rulebase;

/**
 * A check applies the version in force on its asOf: the packaged rules seed the first version on an
 * empty database, and a version published to take effect on 2027-01-01 judges 2027-01-05 but not 2026-12-31.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectiveDatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private EmbeddedServer server;
    private String packagedVersion;
    private String next;

    @BeforeAll
    void anInstanceWithAVersionScheduledFor2027() throws Exception {
        server = PolicyTests.freshInstance("2026-12-01");
        Rulebase packaged = server.getApplicationContext().getBean(Rulebase.class);
        packagedVersion = packaged.version();
        RuleFiles files = PolicyTests.relabelled(server.getApplicationContext().getBean(RuleFiles.class), "2027.1.0");
        PolicyTests.publish(server.getApplicationContext(), files, LocalDate.of(2027, 1, 1));
        server.getApplicationContext().getBean(LiveRulebases.class).refresh().get(60, TimeUnit.SECONDS);
        next = server.getApplicationContext().getBean(LiveRulebases.class).versionOn(LocalDate.of(2027, 1, 1)).version();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theFirstStartSeedsThePackagedRulesInForceFromTheBeginning() {
        LiveRulebases live = server.getApplicationContext().getBean(LiveRulebases.class);
        RulebaseVersion first = live.live().get(0);
        assertThat(first.version()).isEqualTo(packagedVersion);
        assertThat(first.effectiveFrom()).isNull();
        assertThat(live.versionOn(LocalDate.of(2000, 1, 1)).version()).isEqualTo(packagedVersion);
    }

    @Test
    void aVersionEffectiveFrom2027AppliesOnlyToChecksOfThatDayOrLater() {
        assertThat(next).startsWith("2027.1.0+").isNotEqualTo(packagedVersion);
        CheckEngine engine = server.getApplicationContext().getBean(CheckEngine.class);
        assertThat(engine.rulebaseOn(LocalDate.of(2027, 1, 5)).version()).isEqualTo(next);
        assertThat(engine.rulebaseOn(LocalDate.of(2026, 12, 31)).version()).isEqualTo(packagedVersion);
    }

    @Test
    void theCheckApiAnswersWithTheVersionInForceOnItsAsOf() throws Exception {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(rulebaseVersion(client, "2027-01-05")).isEqualTo(next);
            assertThat(rulebaseVersion(client, "2026-12-31")).isEqualTo(packagedVersion);
        }
    }

    private static String rulebaseVersion(HttpClient client, String asOf) throws Exception {
        String body = client.toBlocking().retrieve(HttpRequest.POST("/api/checks?asOf=" + asOf,
                Fixtures.compliantRegistration("013301").toString()).contentType(MediaType.APPLICATION_JSON_TYPE));
        JsonNode answer = JSON.readTree(body);
        return answer.get("rulebaseVersion").asText();
    }
}

