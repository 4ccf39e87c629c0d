package tw.straitcheck.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;

/**
 * A school's subsidy over real HTTP: the spec's application for a school of its own (its activity
 * 2026-09-14 to 09-18), approved by a reviewer for NT$337,500, and the seed's results report on it
 * (217,500 → 200,000 and 120,000 → 120,000: 91.95%, 100.00%, overall 94.81%).
 */
final class ApprovedSubsidy {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate START = LocalDate.of(2026, 9, 14);

    final String school = "sr-" + UUID.randomUUID().toString().substring(0, 8);
    final String filer;
    final String reviewer;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    String receipt;

    ApprovedSubsidy(URI base, TestAccounts accounts) {
        this.base = base;
        this.filer = accounts.filer(school);
        this.reviewer = accounts.reviewer("reviewer-" + school + "@moe.gov.tw");
    }

    ObjectNode application() {
        ObjectNode json = Fixtures.baseline("subsidy-application");
        ((ObjectNode) json.get("applicant")).put("code", school);
        ((ObjectNode) json.get("applicant")).put("name", "國立澎湖高級海事水產職業學校");
        ObjectNode period = json.putObject("activityPeriod");
        period.put("start", START.toString());
        period.put("end", START.plusDays(4).toString());
        return json;
    }

    /** Files the application and approves it for the seed's approved total. */
    ApprovedSubsidy approved() {
        receipt = json(send("POST", "/api/submissions", filer, application().toString())).get("receipt").asText();
        ObjectNode decision = JSON.createObjectNode().put("action", "APPROVE").put("comment", "核定補助")
                .put("approvedAmount", 337_500);
        Answer decided = send("POST", "/api/review/" + receipt + "/decision", reviewer, decision.toString());
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        return this;
    }

    /** The seed's results report on this subsidy. */
    ObjectNode report() {
        ObjectNode json = Fixtures.baseline("results-report");
        json.put("subsidyId", receipt);
        ObjectNode period = json.putObject("activityPeriod");
        period.put("start", START.toString());
        period.put("end", START.plusDays(4).toString());
        ArrayNode items = json.putArray("expenditure");
        items.addObject().put("item", "交通費").put("approved", 217_500).put("actual", 200_000).put("note", "機票議價");
        items.addObject().put("item", "住宿費").put("approved", 120_000).put("actual", 120_000).put("note", "");
        return json;
    }

    JsonNode fileReport() {
        Answer filed = send("POST", "/api/submissions", filer, report().toString());
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        return json(filed);
    }

    /** An answer with its body as bytes. */
    record Answer(int status, byte[] body, HttpResponse<byte[]> response) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer get(String path, String authorization) {
        return send("GET", path, authorization, null);
    }

    Answer send(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, authorization);
    }

    Answer multipart(String path, String authorization, String boundary, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary), authorization);
    }

    Answer send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header(TestAccounts.AUTHORIZATION, authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(answer.text(), e);
        }
    }
}
