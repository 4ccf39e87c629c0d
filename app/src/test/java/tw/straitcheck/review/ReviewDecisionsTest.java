package tw.straitcheck.review;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.review.ReviewDesk.body;
import static tw.straitcheck.review.ReviewDesk.json;
import static tw.straitcheck.review.ReviewDesk.refused;
import static tw.straitcheck.review.ReviewDesk.visiting;
import static tw.straitcheck.review.ReviewDesk.withoutSelfCheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/** Reviewers' decisions over real HTTP, on the embedded PostgreSQL. Today is 2026-05-20. */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class ReviewDecisionsTest {

    private static final LocalDate JULY_5 = LocalDate.of(2026, 7, 5);
    private static final Set<String> DECISIONS = Set.of("CLEAR", "RETURN", "REJECT");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private ReviewDesk desk;
    private ExecutorService reviewers;

    @BeforeEach
    void aSchoolOfItsOwn() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        desk = new ReviewDesk(client, accounts);
        reviewers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void sendTheReviewersHome() {
        reviewers.shutdownNow();
    }

    /** A registration filed on 5/20 without the self-check: in review for its violation, with no flag to mark. */
    private String inReviewWithAViolation() {
        return desk.file(withoutSelfCheck(desk.registration(JULY_5)));
    }

    /** Both reviewers start at once; answers the two status codes and the bodies of the refusals. */
    private List<Integer> atOnce(String receipt, String first, String second, List<JsonNode> refusals) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String action : List.of(first, second)) {
            answers.add(reviewers.submit(() -> {
                start.await();
                try {
                    return desk.decide(receipt, action, "審查意見", TestAccounts.AUTHORIZATION, desk.reviewer("reviewer-" + action + "@moe.gov.tw")).code();
                } catch (HttpClientResponseException e) {
                    synchronized (refusals) {
                        refusals.add(body(e));
                    }
                    return e.getStatus().getCode();
                }
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            codes.add(answer.get());
        }
        return codes;
    }

    private long decisionsIn(String receipt) {
        return desk.history(receipt).stream().filter(DECISIONS::contains).count();
    }

    @Test
    void twoReviewersClearingOneRecordAtOnceOneIsAnswered200AndTheOther409WithTheRecordAsItNowStands() throws Exception {
        String receipt = inReviewWithAViolation();
        List<JsonNode> refusals = new ArrayList<>();

        List<Integer> codes = atOnce(receipt, "CLEAR", "CLEAR", refusals);

        assertThat(codes).containsExactlyInAnyOrder(200, 409);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).get("current").get("receipt").asText()).isEqualTo(receipt);
        assertThat(refusals.get(0).get("current").get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(refusals.get(0).get("message").get("en").asText()).isNotBlank();
        assertThat(decisionsIn(receipt)).isEqualTo(1);
    }

    @Test
    void aClearAndARejectOfOneRecordAtOnceLeaveExactlyOneDecisionAndTheLoserSeesTheWinnersStatus() throws Exception {
        String receipt = inReviewWithAViolation();
        List<JsonNode> refusals = new ArrayList<>();

        List<Integer> codes = atOnce(receipt, "CLEAR", "REJECT", refusals);

        assertThat(codes).containsExactlyInAnyOrder(200, 409);
        String status = desk.record(receipt).get("status").asText();
        assertThat(status).isIn("ACCEPTED", "REJECTED");
        assertThat(refusals.get(0).get("current").get("status").asText()).isEqualTo(status);
        assertThat(decisionsIn(receipt)).isEqualTo(1);
    }

    @Test
    void aDecisionOnAStaleIfMatchIsRefusedWith409AndTheCurrentLockVersion() {
        String receipt = inReviewWithAViolation();
        long seen = desk.record(receipt).get("lockVersion").asLong();

        HttpClientResponseException e = refused(() -> desk.decide(receipt, "CLEAR", null,
                TestAccounts.AUTHORIZATION, desk.reviewer(), "If-Match", "\"" + (seen - 1) + "\""));

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(body(e).get("current").get("lockVersion").asLong()).isEqualTo(seen);
        assertThat(body(e).get("current").get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(decisionsIn(receipt)).isZero();
    }

    @Test
    void aDecisionOnTheIfMatchTheReviewerSawIsAnswered200WithTheRecordSummary() {
        String receipt = inReviewWithAViolation();
        long seen = desk.record(receipt).get("lockVersion").asLong();

        HttpResponse<String> response = desk.decide(receipt, "REJECT", "未完成自我檢核表",
                TestAccounts.AUTHORIZATION, desk.reviewer(), "If-Match", "\"" + seen + "\"");

        assertThat(response.code()).isEqualTo(200);
        JsonNode summary = json(response);
        assertThat(summary.get("receipt").asText()).isEqualTo(receipt);
        assertThat(summary.get("status").asText()).isEqualTo("REJECTED");
        assertThat(summary.get("lockVersion").asLong()).isGreaterThan(seen);
        JsonNode last = desk.record(receipt).get("history").get(1);
        assertThat(last.get("action").asText()).isEqualTo("REJECT");
        assertThat(last.get("actor").asText()).isEqualTo(ReviewDesk.REVIEWER);
        assertThat(last.get("comment").asText()).isEqualTo("未完成自我檢核表");
    }

    @Test
    void aReturnWithoutACommentIsRefusedWith422AndTheRecordStaysInReview() {
        String receipt = inReviewWithAViolation();

        HttpClientResponseException e = refused(() -> desk.decide(receipt, "RETURN", "  "));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(body(e).get("errors").get(0).get("field").asText()).isEqualTo("comment");
        assertThat(desk.record(receipt).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aDecisionWithoutXActorAndWithAnUnknownActionIsRefusedWith422NamingBoth() {
        String receipt = inReviewWithAViolation();

        HttpClientResponseException e = refused(() -> desk.decide(receipt, "WITHDRAW", "學校撤回", TestAccounts.AUTHORIZATION, desk.reviewer(),
                "If-Match", "\"x\""));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(e).get("errors").forEach(error -> {
            fields.add(error.get("field").asText());
            assertThat(error.get("message").get("zh").asText()).isNotBlank();
            assertThat(error.get("message").get("en").asText()).isNotBlank();
        });
        assertThat(fields).containsExactlyInAnyOrder("action", "If-Match");
        assertThat(body(e).get("message").get("en").asText()).isNotBlank();
    }

    @Test
    void aDecisionOnAnUnknownReceiptIsAnswered404() {
        HttpClientResponseException e = refused(() -> desk.decide("1150520-999999", "REJECT", "查無"));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith422() {
        String receipt = inReviewWithAViolation();
        HttpClientResponseException e = refused(() -> client.toBlocking().exchange(
                HttpRequest.POST("/api/review/" + receipt + "/decision", "{ not json")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).header(TestAccounts.AUTHORIZATION, desk.reviewer()), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(422);
    }

    @Test
    void aRecordReturnedOn520AndResubmittedCompliantOn525IsAcceptedWithReturnThenResubmittedInItsHistory() {
        String receipt = inReviewWithAViolation();
        assertThat(desk.decide(receipt, "RETURN", "請完成自我檢核表並經主管核可").code()).isEqualTo(200);
        assertThat(desk.record(receipt).get("status").asText()).isEqualTo("RETURNED");

        clock.setDay(LocalDate.of(2026, 5, 25));
        HttpResponse<String> resubmitted = client.toBlocking().exchange(HttpRequest.PUT("/api/submissions/" + receipt,
                desk.registration(JULY_5).toString()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, desk.filer()), String.class);

        assertThat(resubmitted.code()).isEqualTo(200);
        assertThat(json(resubmitted).get("verdict").asText()).isEqualTo("COMPLIANT");
        JsonNode record = desk.record(receipt);
        assertThat(record.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(record.get("currentVersion").asInt()).isEqualTo(2);
        assertThat(desk.history(receipt)).containsExactly("REGISTERED", "RETURN", "RESUBMITTED");
        JsonNode returned = record.get("history").get(1);
        assertThat(returned.get("comment").asText()).isEqualTo("請完成自我檢核表並經主管核可");
    }

    @Test
    void aResubmissionThatStillRaisesAFlagGoesBackInReviewAndItsNewFlagMustBeMarkedBeforeAClear() {
        String receipt = desk.file(visiting(desk.registration(JULY_5), "紅色基地", "升旗儀式"));
        for (long flag : desk.findings(receipt, "FLAG")) {
            desk.mark(receipt, flag, "CONFIRMED", "行程含政治性內容");
        }
        desk.decide(receipt, "RETURN", "請刪除紅色基地與升旗儀式");

        client.toBlocking().exchange(HttpRequest.PUT("/api/submissions/" + receipt,
                visiting(desk.registration(JULY_5), "黨史").toString()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, desk.filer()), String.class);

        assertThat(desk.record(receipt).get("status").asText()).isEqualTo("IN_REVIEW");
        List<Long> newFlags = desk.findings(receipt, "FLAG");
        HttpClientResponseException e = refused(() -> desk.decide(receipt, "CLEAR", null));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(body(e).get("unmarkedFindings")).extracting(JsonNode::asLong).containsExactlyElementsOf(newFlags);
        assertThat(desk.history(receipt)).containsExactly("REGISTERED", "RETURN", "RESUBMITTED");
    }

    @Test
    void theSchoolWithdrawsARecordInReview() {
        String receipt = inReviewWithAViolation();

        HttpResponse<String> response = desk.post("/api/submissions/" + receipt + "/withdraw",
                ReviewDesk.JSON.createObjectNode().put("reason", "活動取消"));

        assertThat(response.code()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(desk.history(receipt)).containsExactly("REGISTERED", "WITHDRAW");
    }

    @Test
    void theSchoolCannotWithdrawARejectedRecord() {
        String receipt = inReviewWithAViolation();
        desk.decide(receipt, "REJECT", "未完成自我檢核表");

        HttpClientResponseException e = refused(() -> desk.post("/api/submissions/" + receipt + "/withdraw",
                ReviewDesk.JSON.createObjectNode()));

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(body(e).get("current").get("status").asText()).isEqualTo("REJECTED");
    }
}
