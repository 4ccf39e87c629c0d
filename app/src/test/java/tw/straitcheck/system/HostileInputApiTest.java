package tw.straitcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.RawHttp.Answer;
import tw.straitcheck.RawHttp;
import tw.straitcheck.TestAccounts;

/**
 * Each input of issue 7 that answered 500 (or was accepted when it must not be), sent exactly so:
 * every one is now a 4xx in the one error shape, in both languages, with nothing internal in it.
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
@Property(name = "straitcheck.test.failing-route", value = "true")
class HostileInputApiTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    private RawHttp http;
    private String school;

    @BeforeEach
    void setUp() {
        school = "H" + UUID.randomUUID().toString().substring(0, 8);
        http = new RawHttp(server.getURI()).as(accounts.filer(school));
    }

    private static Answer refused(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.shapeProblem()).isEmpty();
        return answer;
    }

    private static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private ObjectNode visit() {
        return Fixtures.visit(school);
    }

    @Test
    void aNulCharacterInActivityNameIsRefusedOnThatFieldByTheCheckAndByFiling() {
        ObjectNode json = visit().put("activityName", "a\u0000b");

        assertThat(fields(refused(http.postJson("/api/checks?asOf=2026-05-20", json.toString()), 422))).containsExactly("activityName");
        assertThat(fields(refused(http.postJson("/api/submissions", json.toString()), 422))).containsExactly("activityName");
    }

    @Test
    void aNulCharacterInTheSubmissionPartOfAMultipartFilingIsRefusedOnThatField() {
        byte[] body = RawHttp.multipart("b0undary", "submission", null, "application/json",
                visit().put("activityName", "a\u0000b").toString().getBytes(StandardCharsets.UTF_8));

        Answer answer = refused(http.send("POST", "/api/submissions", "multipart/form-data; boundary=b0undary", body), 422);
        assertThat(fields(answer)).containsExactly("submission.activityName");
    }

    @Test
    void aNulInAPathSegmentOrAFilterIsRefusedWith400AndNoSql() {
        for (String path : List.of("/api/submissions/%00", "/api/submissions/1150520-000001%00/withdraw",
                "/api/review/queue?school=%00", "/api/outbox?receipt=%00", "/api/rules/%00", "/api/sources/ACT/%00")) {
            Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.shapeProblem()).as(path).isEmpty();
        }
    }

    @Test
    void jsonNestedOneThousandAndOneLevelsDeepIsRefusedWith422() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        String body = "{\"type\":\"EXCHANGE_ACTIVITY\",\"activityName\":" + deep + "}";

        assertThat(fields(refused(http.postJson("/api/checks", body), 422))).containsExactly("$");
        assertThat(fields(refused(http.postJson("/api/submissions", body), 422))).containsExactly("$");
        assertThat(refused(http.postJson("/api/submissions/1150520-000001/withdraw", body), 422).body()).contains("100");
    }

    @Test
    void anIdempotencyKeyOf201CharactersIsRefusedOnTheHeader() {
        Answer answer = refused(http.postJson("/api/submissions", visit().toString(), "Idempotency-Key", "k".repeat(201)), 422);
        assertThat(fields(answer)).containsExactly("Idempotency-Key");
    }

    @Test
    void aSchoolCodeOf33CharactersIsRefusedAlikeByTheCheckAndByFiling() {
        ObjectNode json = visit();
        ((ObjectNode) json.get("school")).put("code", "1".repeat(33));

        assertThat(fields(refused(http.postJson("/api/checks", json.toString()), 422))).containsExactly("school.code");
        assertThat(fields(refused(http.postJson("/api/submissions", json.toString()), 422))).containsExactly("school.code");
    }

    @Test
    void aSchoolCodeOf32CharactersIsFiled() {
        ObjectNode json = visit();
        String code = school + "0".repeat(32 - school.length());
        ((ObjectNode) json.get("school")).put("code", code);

        assertThat(http.postJson("/api/submissions", json.toString(), "Authorization", accounts.filer(code)).status())
                .isEqualTo(201);
    }

    @Test
    void aReviewQueueFilteredByTheEmptyStatusListIsRefusedOnStatus() {
        assertThat(fields(refused(as(accounts.reviewer("hostile@moe.gov.tw"), "/api/review/queue?status=,"), 422)))
                .containsExactly("status");
        assertThat(fields(refused(as(accounts.reviewer("hostile@moe.gov.tw"), "/api/review/queue?status=IN_REVIEW,,ACCEPTED"),
                422))).containsExactly("status");
    }

    @Test
    void aMultipartBodyWithAnEmptyBoundaryIsRefusedWith400() {
        byte[] body = RawHttp.multipart("", "submission", null, "application/json", visit().toString().getBytes(StandardCharsets.UTF_8));

        refused(http.send("POST", "/api/submissions", "multipart/form-data; boundary=", body), 400);
        refused(http.send("POST", "/api/submissions", "multipart/form-data", body), 400);
    }

    @Test
    void getApiSourcesAnswers200WithEverySource() {
        Answer answer = http.get("/api/sources");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        assertThat(answer.json().size()).isPositive();
    }

    /** A GET with other credentials than the school's. */
    private Answer as(String authorization, String path) {
        return http.send("GET", path, null, null, "Authorization", authorization);
    }

    @Test
    void micronautsOwnErrorsAreInTheOneShapeInBothLanguages() {
        refused(http.get("/api/no-such-thing"), 404);
        refused(http.send("DELETE", "/api/checks", null, null), 405);
        refused(http.send("POST", "/api/checks", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);
        refused(as(accounts.systemAdmin(), "/api/outbox?status=LOST"), 400);
        refused(as(accounts.systemAdmin(), "/api/outbox?limit=lots"), 400);
        refused(http.send("POST", "/api/checks", "application/json", new byte[2 * 1024 * 1024]), 413);
        refused(http.get("/api/review/queue?school=" + "x".repeat(5000)), 414);
    }

    @Test
    void aFailureInsideTheServiceAnswers500WithACorrelationIdAndNothingInternal() {
        Answer answer = refused(http.get("/test/failing"), 500);

        assertThat(answer.body()).doesNotContain("varying").doesNotContain("submission_record");
        assertThat(answer.json().get("correlationId").asText()).isNotBlank();
    }

    @Test
    void aCallersCorrelationIdIsCarriedIntoTheAnswer() {
        Answer answer = http.send("GET", "/api/no-such-thing", null, null, "X-Correlation-Id", "trace-0123456789");

        assertThat(answer.response().headers().firstValue("X-Correlation-Id")).contains("trace-0123456789");
        assertThat(answer.json().get("correlationId").asText()).isEqualTo("trace-0123456789");
    }

    @Test
    void asOfIsBoundedToTheYears2000To2100() {
        String json = visit().toString();
        assertThat(fields(refused(http.postJson("/api/checks?asOf=%2B999999999-12-31", json), 422))).containsExactly("asOf");
        assertThat(fields(refused(http.postJson("/api/checks?asOf=1999-12-31", json), 422))).containsExactly("asOf");
        assertThat(fields(refused(http.postJson("/api/checks?asOf=2101-01-01", json), 422))).containsExactly("asOf");
        assertThat(http.postJson("/api/checks?asOf=2100-12-31", json).status()).isEqualTo(200);
    }

    @Test
    void aBodyThatNamesAKeyTwiceIsRefused() {
        String json = visit().toString().replaceFirst("\\{", "{\"activityName\":\"其一\",");

        Answer answer = refused(http.postJson("/api/checks", json), 422);
        assertThat(answer.json().get("errors").get(0).get("message").get("en").asText()).contains("activityName").contains("twice");
    }

    @Test
    void aPhoneNumberOf100000CharactersIsRefusedByTheLengthLimit() {
        ObjectNode json = visit();
        ((ObjectNode) json.get("leaders").get(0)).put("phone", "0".repeat(100_000));

        assertThat(fields(refused(http.postJson("/api/checks", json.toString()), 422))).containsExactly("leaders[0].phone");
    }

    @Test
    void fiftyOneLeadersOrPartnersAreRefusedAndFiftyAreChecked() {
        ObjectNode json = visit();
        ArrayNode leaders = (ArrayNode) json.get("leaders");
        ArrayNode partners = (ArrayNode) json.get("mainlandPartners");
        while (leaders.size() < 50) {
            leaders.add(leaders.get(0).deepCopy());
        }
        while (partners.size() < 50) {
            partners.add("夥伴學校" + partners.size());
        }
        assertThat(http.postJson("/api/checks?asOf=2026-05-20", json.toString()).status()).isEqualTo(200);

        leaders.add(leaders.get(0).deepCopy());
        partners.add("再一所");
        assertThat(fields(refused(http.postJson("/api/checks", json.toString()), 422)))
                .containsExactlyInAnyOrder("leaders", "mainlandPartners");
    }

    @Test
    void aQuarterMillionPartnersAreRefusedWith413OrOnTheField() {
        ObjectNode json = visit();
        ArrayNode partners = json.putArray("mainlandPartners");
        for (int i = 0; i < 250_000; i++) {
            partners.add("p");
        }
        Answer answer = http.postJson("/api/checks", json.toString());
        assertThat(answer.status()).isIn(413, 422);
        assertThat(answer.shapeProblem()).isEmpty();
    }


    @Test
    void extremeFiltersOfTheQueueAndTheOutboxAreAnsweredWithoutA5xx() {
        for (String path : List.of("/api/review/queue?from=%2B999999999-12-31", "/api/review/queue?to=-999999999-01-01",
                "/api/review/queue?page=2147483647&size=100", "/api/review/queue?school=" + "x".repeat(3000),
                "/api/outbox?limit=2147483647", "/api/outbox?limit=-5", "/api/outbox?receipt=" + "9".repeat(3000))) {
            Answer answer = as(path.startsWith("/api/outbox") ? accounts.systemAdmin() : accounts.reviewer("hostile@moe.gov.tw"), path);
            assertThat(answer.status()).as(path).isNotIn(401, 403);
            assertThat(answer.status()).as(path + " " + answer.body()).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.shapeProblem()).as(path).isEmpty();
            }
        }
    }

    @Test
    void aUrlOver64KilobytesIs414AndHeadersOver8KilobytesAre431InTheOneShapeStraightFromNettysLimits() {
        RawHttp.RawAnswer line = http.raw("GET", "/api/ping?x=" + "x".repeat(70_000));
        RawHttp.RawAnswer headers = http.raw("GET", "/api/ping", "X-Big: " + "x".repeat(10_000));

        assertThat(line.status()).isEqualTo(414);
        assertThat(line.body()).contains("\"zh\"").contains("\"en\"").contains("correlationId");
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.body()).contains("\"zh\"").contains("\"en\"").contains("correlationId");
    }

    @Test
    void aLoneSurrogateInAnyTextIsRefusedOnThatFieldAndNotStored() {
        String json = visit().put("activityName", "@@").toString().replace("\"@@\"", "\"\\ud800x\"");
        String inUnknownField = visit().put("comment", "@@").toString().replace("\"@@\"", "\"\\udc00\"");

        assertThat(fields(refused(http.postJson("/api/submissions", json), 422))).containsExactly("activityName");
        assertThat(fields(refused(http.postJson("/api/checks", json), 422))).containsExactly("activityName");
        assertThat(fields(refused(http.postJson("/api/submissions", inUnknownField), 422))).containsExactly("comment");
    }

    @Test
    void aSubsidyApplicationAndAResultsReportFiledAsJsonOrAsAFormAreAnsweredWithoutA5xx() {
        for (String baseline : List.of("subsidy-application", "results-report")) {
            ObjectNode json = Fixtures.baseline(baseline);
            if (json.has("applicant")) {
                ((ObjectNode) json.get("applicant")).put("code", school);
            }
            byte[] form = RawHttp.multipart("st", "submission", null, "application/json",
                    json.toString().getBytes(StandardCharsets.UTF_8));
            for (Answer answer : List.of(http.postJson("/api/submissions", json.toString()),
                    http.send("POST", "/api/submissions", "multipart/form-data; boundary=st", form))) {
                assertThat(answer.status()).as(baseline + " " + answer.body()).isLessThan(500);
                if (answer.status() >= 400) {
                    assertThat(answer.shapeProblem()).as(baseline).isEmpty();
                }
            }
        }
    }
}
