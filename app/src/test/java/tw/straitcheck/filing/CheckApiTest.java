package tw.straitcheck.filing;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;

/** The check API over real HTTP, against the packaged rulebase. */
@MicronautTest
class CheckApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    private static ObjectNode specExample() {
        return Fixtures.specExample("013301");
    }

    private JsonNode post(String uri, String body) throws IOException {
        String response = client.toBlocking().retrieve(
                HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE), String.class);
        return JSON.readTree(response);
    }

    private HttpClientResponseException refused(String uri, String body) {
        try {
            client.toBlocking().exchange(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected the request to be refused");
    }

    private static String body(HttpClientResponseException e) {
        return e.getResponse().getBody(String.class).orElseThrow();
    }

    @Test
    void theSpecExampleCheckedOnMay20HasTheSectionFiveShape() throws IOException {
        JsonNode result = post("/api/checks?asOf=2026-05-20", specExample().toString());

        assertThat(result.get("verdict").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(result.get("asOf").asText()).isEqualTo("2026-05-20");
        assertThat(result.get("rulebaseVersion").asText()).matches("\\d{4}\\.\\d+\\.\\d+\\+[0-9a-f]{7}");
        JsonNode report = null;
        for (JsonNode f : result.get("findings")) {
            if (f.get("ruleId").asText().equals("OBL.POST_ACTIVITY_REPORT")) {
                report = f;
            }
        }
        assertThat(report).isNotNull();
        assertThat(report.get("kind").asText()).isEqualTo("OBLIGATION");
        assertThat(report.get("due").asText()).isEqualTo("2026-08-11");
        assertThat(report.get("subject").isNull()).isTrue();
        assertThat(report.get("title").get("zh").asText()).isEqualTo("活動完成返臺後一個月內至事後登錄回報活動概況");
        assertThat(report.get("title").get("en").asText()).isEqualTo("File the post-activity report within one month after return");
        assertThat(report.get("citations").get(0).get("source").asText()).isEqualTo("HANDBOOK");
        assertThat(report.get("citations").get(0).get("ref").asText()).isEqualTo("壹一(一)2(3)");
        assertThat(report.get("citations").get(0).get("text").asText()).isEqualTo("並於活動完成後 1個月內至「事後登錄」回報活動概況。");
        assertThat(report.get("evidence").isArray()).isTrue();
        assertThat(report.has("penalty")).isTrue();
    }

    @Test
    void aCleanSubmissionStillCarriesAnEmptyFindingsListWhenNothingApplies() throws IOException {
        ObjectNode announcement = JSON.createObjectNode();
        announcement.put("type", "POST_ACTIVITY_REPORT");
        announcement.put("registrationId", "1150520-000001");
        announcement.put("held", "NOT_HELD");
        JsonNode result = post("/api/checks?asOf=2026-05-20", announcement.toString());
        assertThat(result.get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(result.get("findings").isArray()).isTrue();
        assertThat(result.get("findings")).isEmpty();
    }

    @Test
    void anInvalidSubmissionIsRefusedWith422AndEveryFieldErrorInBothLanguages() throws IOException {
        ObjectNode bad = specExample();
        ((ObjectNode) bad.get("activityPeriod")).put("end", "2026-07-01");
        ((ObjectNode) bad.get("locations").get(0)).put("province", "香港");
        ((ObjectNode) bad.get("participants")).put("students", -1);

        HttpClientResponseException e = refused("/api/checks", bad.toString());

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(body(e));
        List<String> fields = new ArrayList<>();
        for (JsonNode error : body.get("errors")) {
            fields.add(error.get("field").asText());
            assertThat(error.get("message").get("zh").asText()).isNotBlank();
            assertThat(error.get("message").get("en").asText()).isNotBlank();
        }
        assertThat(fields).contains("activityPeriod.end", "locations[0].province", "participants.students");
        assertThat(body.get("message").get("zh").asText()).isNotBlank();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith422() {
        HttpClientResponseException e = refused("/api/checks", "{ not json");
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(body(e)).contains("\"field\":\"$\"");
    }

    @Test
    void aMalformedAsOfIsRefusedWith422() throws IOException {
        HttpClientResponseException e = refused("/api/checks?asOf=2026-13-01", specExample().toString());
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(body(e)).contains("asOf");
    }

    @Test
    void theRulesListingNamesEveryRuleWithItsCitationsAndTheVersion() throws IOException {
        JsonNode rules = JSON.readTree(client.toBlocking().retrieve("/api/rules"));
        assertThat(rules.get("rulebaseVersion").asText()).contains("+");
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : rules.get("rules")) {
            ids.add(rule.get("ruleId").asText());
            assertThat(rule.get("citations").get(0).get("text").asText()).isNotBlank();
        }
        assertThat(ids).contains("OBL.REGISTER_ACTIVITY", "PERMIT.LEAD_TIME_MISSED", "CALENDAR.YEAR_NOT_LOADED");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void aCitedPassageResolvesByItsSourceAndRef() throws IOException {
        String ref = URLEncoder.encode("art 91(3)", StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode passage = JSON.readTree(client.toBlocking().retrieve("/api/sources/ACT/" + ref));
        assertThat(passage.get("text").asText()).isEqualTo("違反第九條第四項規定者，處新臺幣二百萬元以上一千萬元以下罰鍰。");
        assertThat(passage.get("fine").get("min").asLong()).isEqualTo(2_000_000L);

        String handbook = URLEncoder.encode("壹一(一)2(1)", StandardCharsets.UTF_8);
        assertThat((String) client.toBlocking().retrieve("/api/sources/HANDBOOK/" + handbook)).contains("1個月前須至平臺完成活動登錄");
    }

    @Test
    void anUnknownPassageIs404WithAMessage() {
        try {
            client.toBlocking().retrieve("/api/sources/ACT/art%20999");
            throw new AssertionError("expected 404");
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(404);
            assertThat(body(e)).contains("art 999");
        }
    }

    @Test
    void pingAnswersWithTheRulebaseVersion() throws IOException {
        JsonNode pong = JSON.readTree(client.toBlocking().retrieve("/api/ping"));
        assertThat(pong.get("status").asText()).isEqualTo("ok");
    }
}
