package tw.straitcheck.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;

/** POST /api/checks with the two subsidy types, over real HTTP: checked, nothing stored. */
@MicronautTest
class SubsidyCheckApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    private JsonNode check(String asOf, JsonNode body) throws IOException {
        String response = client.toBlocking().retrieve(
                HttpRequest.POST("/api/checks?asOf=" + asOf, body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE),
                String.class);
        return JSON.readTree(response);
    }

    private static List<String> ruleIds(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    @Test
    void theSpecsSubsidyApplicationFiledOnMay20IsDueOnJuly14AndRaisesNoViolation() throws IOException {
        JsonNode result = check("2026-05-20", Fixtures.baseline("subsidy-application"));

        assertThat(result.get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(ruleIds(result)).contains("OBL.SUBSIDY_APPLICATION", "SUBSIDY.REVIEW_DATE",
                "OBL.SUBSIDY_PLAN_UNCHANGED", "OBL.SUBSIDY_RESULTS_REPORT");
        JsonNode application = null;
        for (JsonNode f : result.get("findings")) {
            if (f.get("ruleId").asText().equals("OBL.SUBSIDY_APPLICATION")) {
                application = f;
            }
        }
        assertThat(application.get("due").asText()).isEqualTo("2026-07-14");
        assertThat(application.get("citations").get(0).get("source").asText()).isEqualTo("SUBSIDY");
        assertThat(application.get("citations").get(0).get("ref").asText()).isEqualTo("4(1)");
    }

    @Test
    void theSpecsResultsReportGivesEachItemsRateAndTheOverall94point81() throws IOException {
        JsonNode result = check("2026-11-10", Fixtures.baseline("results-report"));

        assertThat(result.get("verdict").asText()).isEqualTo("COMPLIANT");
        JsonNode rate = result.get("findings").get(0);
        assertThat(rate.get("ruleId").asText()).isEqualTo("RESULTS.EXECUTION_RATE");
        assertThat(rate.get("evidence").get(0).get("field").asText()).isEqualTo("expenditure[0]");
        assertThat(rate.get("evidence").get(0).get("matched").asText()).contains("91.95%");
        assertThat(rate.get("evidence").get(2).get("matched").asText()).contains("94.81%");
        assertThat(rate.get("citations").get(0).get("source").asText()).isEqualTo("RESULTS_SYSTEM");
    }

    @Test
    void aResultsReportWhoseItemsDoNotAddUpIsRefusedAtExpenditure() {
        ObjectNode report = Fixtures.baseline("results-report");
        ((ObjectNode) report.withArray("expenditure").get(1)).put("approved", 110000);

        HttpClientResponseException refused = null;
        try {
            client.toBlocking().exchange(HttpRequest.POST("/api/checks?asOf=2026-11-10", report.toString())
                    .contentType(MediaType.APPLICATION_JSON_TYPE), String.class);
        } catch (HttpClientResponseException e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"expenditure\"");
    }
}
