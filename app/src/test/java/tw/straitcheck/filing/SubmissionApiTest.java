package tw.straitcheck.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/** Filing and keeping submissions over real HTTP, on the embedded PostgreSQL. Today is 2026-05-20. */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class SubmissionApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    private String school;

    @BeforeEach
    void aSchoolOfItsOwn() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        school = UUID.randomUUID().toString().substring(0, 8);
    }

    private ObjectNode registration() {
        return Fixtures.compliantRegistration(school);
    }

    private HttpResponse<String> post(String uri, JsonNode body, String... headers) {
        MutableHttpRequest<String> request = HttpRequest.POST(uri, body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.header(TestAccounts.AUTHORIZATION, accounts.filer(school));
        return client.toBlocking().exchange(request, String.class);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private JsonNode record(String receipt) throws IOException {
        return JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/submissions/" + receipt)
                .header(TestAccounts.AUTHORIZATION, accounts.filer(school))));
    }

    private int count(String sql) throws SQLException {
        return count(sql, school);
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int records() throws SQLException {
        return count("SELECT count(*) FROM submission_record WHERE school_code = ?");
    }

    private ObjectNode change(String receipt, String occurredOn, ObjectNode changes) {
        ObjectNode change = JSON.createObjectNode();
        change.put("type", "CHANGE");
        change.put("registrationId", receipt);
        change.put("changeOccurredOn", occurredOn);
        change.set("changes", changes);
        change.put("reason", "行程調整");
        return change;
    }

    @Test
    void aCompliantRegistrationIsStoredAcceptedWithAReceiptOfTheRocDate() throws IOException {
        HttpResponse<String> response = post("/api/submissions", registration());

        assertThat(response.code()).isEqualTo(201);
        JsonNode filing = json(response);
        String receipt = filing.get("receipt").asText();
        assertThat(receipt).matches("1150520-\\d{6}");
        assertThat(response.header("Location")).isEqualTo("/api/submissions/" + receipt);
        assertThat(filing.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(filing.get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(filing.get("version").asInt()).isEqualTo(1);
        assertThat(filing.get("findings").toString()).contains("OBL.REGISTER_ACTIVITY");

        JsonNode kept = record(receipt);
        assertThat(kept.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(kept.get("filedBy").asText()).isEqualTo(TestAccounts.filerName(school));
        JsonNode first = kept.get("versions").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("REGISTRATION");
        assertThat(first.get("rulebaseVersion").asText()).isEqualTo(filing.get("rulebaseVersion").asText());
        assertThat(first.get("submission").get("activityName").asText()).isEqualTo("海洋科學夏令營");
        assertThat(first.get("findings").size()).isEqualTo(filing.get("findings").size());
        assertThat(kept.get("history").get(0).get("action").asText()).isEqualTo("REGISTERED");
        assertThat(kept.get("history").get(0).get("actor").asText()).isEqualTo(TestAccounts.filerName(school));
    }

    @Test
    void aFlaggedRegistrationGoesIntoReview() throws IOException {
        ObjectNode json = registration();
        json.put("itineraryText", "參觀愛國主義教育基地");
        JsonNode filing = json(post("/api/submissions", json));
        assertThat(filing.get("verdict").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(filing.get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyStoresOneRecordAndAnswersTheSame() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("/api/submissions", registration(), "Idempotency-Key", key);
        HttpResponse<String> retry = post("/api/submissions", registration(), "Idempotency-Key", key);

        assertThat(json(retry).get("receipt").asText()).isEqualTo(json(first).get("receipt").asText());
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(records()).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode body = registration();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return json(post("/api/submissions", body, "Idempotency-Key", key)).get("receipt").asText();
                }));
            }
            start.countDown();
            String receipt = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(receipt);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(records()).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedForADifferentBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        post("/api/submissions", registration(), "Idempotency-Key", key);
        ObjectNode other = registration();
        other.put("activityName", "另一個活動");

        assertThatThrownBy(() -> post("/api/submissions", other, "Idempotency-Key", key))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(422);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("Idempotency-Key");
                });
        assertThat(records()).isEqualTo(1);
    }

    @Test
    void anInvalidSubmissionIsRefusedWith422AndNothingIsStored() throws Exception {
        ObjectNode bad = registration();
        ((ObjectNode) bad.get("activityPeriod")).put("end", "2026-07-01");
        bad.remove("leaders");

        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> post("/api/submissions", bad, "Idempotency-Key", key))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(422);
                    String body = e.getResponse().getBody(String.class).orElseThrow();
                    assertThat(body).contains("activityPeriod.end").contains("leaders");
                });
        assertThat(records()).isZero();
        // the key went with the rolled-back filing: the corrected retry with the same key files
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE key = ?",
                IdempotencyKeys.scoped(TestAccounts.filerName(school), key))).isZero();
        ObjectNode corrected = registration();
        assertThat(post("/api/submissions", corrected, "Idempotency-Key", key).code()).isEqualTo(201);
        assertThat(records()).isEqualTo(1);
    }

    @Test
    void aChangeNoticeChecksTheRegistrationAgainAndKeepsEveryVersion() throws IOException {
        String receipt = json(post("/api/submissions", registration())).get("receipt").asText();
        clock.setDay(LocalDate.of(2026, 6, 1));

        ObjectNode changes = JSON.createObjectNode();
        ObjectNode period = changes.putObject("activityPeriod");
        period.put("start", "2026-07-06");
        period.put("end", "2026-07-12");
        ObjectNode travel = changes.putObject("travelPeriod");
        travel.put("departure", "2026-07-05");
        travel.put("return", "2026-07-13");
        // the change happened on Tue 5/26: due Fri 5/29 (a working day, no roll), reported on 6/1, late
        JsonNode filing = json(post("/api/submissions", change(receipt, "2026-05-26", changes)));

        assertThat(filing.get("receipt").asText()).isEqualTo(receipt);
        assertThat(filing.get("version").asInt()).isEqualTo(2);
        assertThat(filing.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(filing.get("findings").toString()).contains("DEADLINE.CHANGE_LATE")
                .contains("\"due\":\"2026-08-13\""); // the post-activity report, from the new return date
        JsonNode kept = record(receipt);
        assertThat(kept.get("versions")).hasSize(2);
        assertThat(kept.get("versions").get(0).get("submission").get("activityPeriod").get("end").asText()).isEqualTo("2026-07-10");
        assertThat(kept.get("versions").get(1).get("kind").asText()).isEqualTo("CHANGE");
        assertThat(kept.get("history").get(1).get("action").asText()).isEqualTo("CHANGE_REPORTED");
        assertThat(kept.get("history").get(1).get("fromStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(kept.get("history").get(1).get("toStatus").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aPreCheckOfAChangeNamingAKeptRegistrationJudgesTheRegistrationAsChangedAndStoresNothing() throws Exception {
        String receipt = json(post("/api/submissions", registration())).get("receipt").asText();
        ObjectNode changes = JSON.createObjectNode();
        ObjectNode travel = changes.putObject("travelPeriod");
        travel.put("departure", "2026-07-05");
        travel.put("return", "2026-07-13");

        // only the return date is given: the rest (students, mode, leaders …) is the kept registration's
        JsonNode check = json(post("/api/checks?asOf=2026-05-21", change(receipt, "2026-05-20", changes)));

        assertThat(check.get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(check.get("findings").toString())
                .contains("OBL.REPORT_CHANGES")
                .contains("\"ruleId\":\"OBL.POST_ACTIVITY_REPORT\"")
                .contains("\"due\":\"2026-08-13\""); // a month after the new return date
        assertThat(record(receipt).get("versions")).hasSize(1);
    }

    @Test
    void aChangeGivingAFieldAsNullClearsIt() throws IOException {
        ObjectNode withAgreement = Fixtures.specExample(school);
        String receipt = json(post("/api/submissions", withAgreement)).get("receipt").asText();
        ObjectNode changes = JSON.createObjectNode();
        changes.putNull("agreement");

        JsonNode filing = json(post("/api/submissions", change(receipt, "2026-05-20", changes)));

        assertThat(filing.get("findings").toString()).doesNotContain("OBL.DECLARE_AGREEMENT")
                .doesNotContain("AGREEMENT.");
    }

    @Test
    void aChangeThatBreaksAFieldRuleIsRefusedWithItsPathUnderChanges() throws IOException {
        String receipt = json(post("/api/submissions", registration())).get("receipt").asText();
        ObjectNode changes = JSON.createObjectNode();
        ObjectNode travel = changes.putObject("travelPeriod");
        travel.put("departure", "2026-07-08"); // after the activity starts 7/6
        travel.put("return", "2026-07-11");

        assertThatThrownBy(() -> post("/api/submissions", change(receipt, "2026-05-19", changes)))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(422);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("changes.travelPeriod.departure");
                });
        assertThat(record(receipt).get("versions")).hasSize(1);
    }

    @Test
    void aChangeOfAnUnknownRegistrationIsRefused() {
        assertThatThrownBy(() -> post("/api/submissions", change("1150101-999999", "2026-05-19", JSON.createObjectNode())))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(422);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("registrationId");
                });
    }

    @Test
    void aPostActivityReportIsJudgedOnTheRegistrationsDatesAndClosesTheReportingObligation() throws IOException {
        String receipt = json(post("/api/submissions", registration())).get("receipt").asText();
        clock.setDay(LocalDate.of(2026, 8, 12)); // return 7/11 + 1 month = 8/11: one day late
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "POST_ACTIVITY_REPORT");
        report.put("registrationId", receipt);
        report.put("held", "HELD");
        ObjectNode actual = report.putObject("actualPeriod");
        actual.put("start", "2026-07-06");
        actual.put("end", "2026-07-10");
        report.put("actualStudents", 18);
        report.put("difficulties", "無");
        report.put("reflections", "學生收穫良多");

        JsonNode filing = json(post("/api/submissions", report));

        assertThat(filing.get("findings").toString()).contains("DEADLINE.POST_REPORT_LATE").contains("2026-08-11");
        JsonNode kept = record(receipt);
        assertThat(kept.get("postReportFiledOn").asText()).isEqualTo("2026-08-12");
        assertThat(kept.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(kept.get("versions").get(1).get("kind").asText()).isEqualTo("POST_ACTIVITY_REPORT");
    }

    @Test
    void anAnnouncementIsARecordOfItsOwn() throws IOException {
        ObjectNode announcement = Fixtures.announcement(school, LocalDate.of(2026, 5, 19));

        JsonNode filing = json(post("/api/submissions", announcement));

        assertThat(filing.get("status").asText()).isEqualTo("ACCEPTED");
        JsonNode kept = record(filing.get("receipt").asText());
        assertThat(kept.get("type").asText()).isEqualTo("ANNOUNCEMENT");
        assertThat(kept.get("versions").get(0).get("kind").asText()).isEqualTo("ANNOUNCEMENT");
    }

    @Test
    void theSchoolMayWithdrawARecordInReviewButNotChangeItAfterwards() throws IOException {
        ObjectNode json = registration();
        json.put("itineraryText", "升旗儀式");
        String receipt = json(post("/api/submissions", json)).get("receipt").asText();

        JsonNode withdrawn = json(post("/api/submissions/" + receipt + "/withdraw",
                JSON.createObjectNode().put("reason", "活動取消")));
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");

        assertThatThrownBy(() -> post("/api/submissions/" + receipt + "/withdraw", JSON.createObjectNode()))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(409);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"status\":\"WITHDRAWN\"");
                });
        assertThatThrownBy(() -> post("/api/submissions", change(receipt, "2026-05-19", JSON.createObjectNode())))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(409));
        assertThat(record(receipt).get("history").get(1).get("comment").asText()).isEqualTo("活動取消");
    }

    @Test
    void anAcceptedRecordCannotBeWithdrawnAsItIsAlreadyDecided() throws IOException {
        String receipt = json(post("/api/submissions", registration())).get("receipt").asText();
        assertThatThrownBy(() -> post("/api/submissions/" + receipt + "/withdraw", JSON.createObjectNode()))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(409));
    }

    @Test
    void theHistoryIsAppendOnlyInTheDatabaseItself() throws Exception {
        String receipt = json(post("/api/submissions", registration())).get("receipt").asText();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE status_history SET actor = 'someone else' WHERE record_id = (SELECT id FROM submission_record WHERE receipt = ?)")) {
            s.setString(1, receipt);
            assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void anUnknownReceiptIs404() {
        assertThatThrownBy(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/submissions/1150101-000000")
                .header(TestAccounts.AUTHORIZATION, accounts.filer(school))))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }
}
