package tw.straitcheck.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;

/**
 * What the review tests do over HTTP, for a school of the test's own (the embedded database is
 * shared and kept between runs, so every query is narrowed to that school or to its receipts).
 */
final class ReviewDesk {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REVIEWER = "reviewer@moe.gov.tw";

    final String school = "rv-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient client;
    private final TestAccounts accounts;

    ReviewDesk(HttpClient client, TestAccounts accounts) {
        this.client = client;
        this.accounts = accounts;
    }

    /** The school's filer's credentials. */
    String filer() {
        return accounts.filer(school);
    }

    /** The reviewer's credentials. */
    String reviewer() {
        return accounts.reviewer(REVIEWER);
    }

    String reviewer(String username) {
        return accounts.reviewer(username);
    }

    /**
     * The spec's example for this school, without the mainland hospitality and the agreement,
     * travelling from {@code departure} for a week: COMPLIANT when filed on 2026-05-20 for a
     * departure from 2026-06-20 on.
     */
    ObjectNode registration(LocalDate departure) {
        ObjectNode json = Fixtures.compliantRegistration(school);
        ObjectNode travel = json.putObject("travelPeriod");
        travel.put("departure", departure.toString());
        travel.put("return", departure.plusDays(6).toString());
        ObjectNode activity = json.putObject("activityPeriod");
        activity.put("start", departure.plusDays(1).toString());
        activity.put("end", departure.plusDays(5).toString());
        return json;
    }

    /** An itinerary visiting each of the places: each is on the political-content list, one CONTENT.POLITICAL flag each. */
    static ObjectNode visiting(ObjectNode registration, String... places) {
        registration.put("itineraryText", "參訪行程：" + String.join("、", places) + "。");
        return registration;
    }

    /** Without the self-check form: the SELF_CHECK.MISSING violation. */
    static ObjectNode withoutSelfCheck(ObjectNode registration) {
        registration.put("selfCheckCompleted", false);
        return registration;
    }

    /** An announcement for this school whose attachment names one political keyword: one flag, no departure. */
    ObjectNode announcement(LocalDate start, String keyword) {
        ObjectNode json = Fixtures.announcement(school, start);
        ((ObjectNode) json.get("announcementPeriod")).put("end", start.plusDays(20).toString());
        json.put("attachmentText", "活動簡章：" + keyword);
        return json;
    }

    /** Files the submission; answers its receipt. */
    String file(ObjectNode submission) {
        return json(post("/api/submissions", submission)).get("receipt").asText();
    }

    /** A POST as the reviewer to /api/review/**, as the school's filer elsewhere, unless the headers say who. */
    HttpResponse<String> post(String uri, JsonNode body, String... headers) {
        MutableHttpRequest<String> request = HttpRequest.POST(uri, body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!request.getHeaders().contains(TestAccounts.AUTHORIZATION)) {
            request.header(TestAccounts.AUTHORIZATION, uri.startsWith("/api/review/") ? reviewer() : filer());
        }
        return client.toBlocking().exchange(request, String.class);
    }

    HttpResponse<String> decide(String receipt, String action, String comment, String... headers) {
        ObjectNode body = JSON.createObjectNode();
        body.put("action", action);
        body.put("comment", comment);
        return post("/api/review/" + receipt + "/decision", body, headers);
    }

    HttpResponse<String> decide(String receipt, String action, String comment) {
        return decide(receipt, action, comment, TestAccounts.AUTHORIZATION, reviewer());
    }

    HttpResponse<String> mark(String receipt, long findingId, String state, String note) {
        ObjectNode body = JSON.createObjectNode();
        body.put("state", state);
        body.put("note", note);
        return post("/api/review/" + receipt + "/findings/" + findingId, body);
    }

    /** The record as its school reads it. */
    JsonNode record(String receipt) {
        return json(client.toBlocking().retrieve(HttpRequest.GET("/api/submissions/" + receipt)
                .header(TestAccounts.AUTHORIZATION, filer())));
    }

    /** A GET as the reviewer. */
    JsonNode get(String uri) {
        return json(client.toBlocking().retrieve(HttpRequest.GET(uri).header(TestAccounts.AUTHORIZATION, reviewer())));
    }

    /** The queue of this test's school, with further query parameters. */
    JsonNode queue(String query) {
        return get("/api/review/queue?school=" + school + (query.isEmpty() ? "" : "&" + query));
    }

    static List<String> receipts(JsonNode queue) {
        List<String> receipts = new ArrayList<>();
        queue.get("items").forEach(item -> receipts.add(item.get("receipt").asText()));
        return receipts;
    }

    /** The ids of the findings of that kind in the record's latest version. */
    List<Long> findings(String receipt, String kind) {
        JsonNode versions = record(receipt).get("versions");
        List<Long> ids = new ArrayList<>();
        for (JsonNode f : versions.get(versions.size() - 1).get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                ids.add(f.get("id").asLong());
            }
        }
        return ids;
    }

    /** The actions in the record's history, oldest first. */
    List<String> history(String receipt) {
        List<String> actions = new ArrayList<>();
        record(receipt).get("history").forEach(h -> actions.add(h.get("action").asText()));
        return actions;
    }

    static HttpClientResponseException refused(Supplier<HttpResponse<String>> request) {
        try {
            HttpResponse<String> response = request.get();
            throw new AssertionError("expected the request to be refused, got " + response.code() + " " + response.body());
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    static JsonNode body(HttpClientResponseException e) {
        return json(e.getResponse().getBody(String.class).orElseThrow());
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
