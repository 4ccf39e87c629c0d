package tw.straitcheck.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * A reviewer takes a record so that no other works on it: of two reviewers taking it at the same
 * moment exactly one holds it; the other can neither mark nor decide it until they take it over,
 * explicitly, and then the first no longer can.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class ReviewAssignmentTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private ReviewDesk desk;

    @BeforeEach
    void desk() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        desk = new ReviewDesk(client, accounts);
    }

    private String flagged() {
        return desk.file(ReviewDesk.visiting(desk.registration(LocalDate.of(2026, 7, 5)), "紅色基地"));
    }

    private int take(String receipt, String reviewer, String body) {
        try {
            return desk.post("/api/review/" + receipt + "/take", ReviewDesk.json(body),
                    TestAccounts.AUTHORIZATION, desk.reviewer(reviewer)).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    void ofTwoReviewersTakingARecordAtOnceExactlyOneHoldsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            String receipt = flagged();
            desk.reviewer("racer-a@moe.gov.tw");
            desk.reviewer("racer-b@moe.gov.tw");
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String who : List.of("racer-a@moe.gov.tw", "racer-b@moe.gov.tw")) {
                    Callable<Integer> racer = () -> {
                        start.await();
                        return take(receipt, who, "{}");
                    };
                    answers.add(pool.submit(racer));
                }
                List<Integer> codes = List.of(answers.get(0).get(), answers.get(1).get());
                assertThat(codes).as("round " + round).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aRecordHeldByAnotherIsNotMarkedOrDecidedUntilTakenOver() {
        String receipt = flagged();
        long flag = desk.findings(receipt, "FLAG").get(0);
        assertThat(take(receipt, "holder@moe.gov.tw", "{}")).isEqualTo(200);
        assertThat(take(receipt, "holder@moe.gov.tw", "{}")).as("taking one's own again").isEqualTo(200);

        HttpClientResponseException held = ReviewDesk.refused(() -> desk.mark(receipt, flag, "CONFIRMED", "x"));
        assertThat(held.code()).isEqualTo(409);
        assertThat(ReviewDesk.body(held).get("message").get("en").asText()).contains("held by holder@moe.gov.tw");
        assertThat(ReviewDesk.body(held).get("current").get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(ReviewDesk.refused(() -> desk.decide(receipt, "RETURN", "why")).code()).isEqualTo(409);
        assertThat(ReviewDesk.refused(() -> desk.post("/api/review/" + receipt + "/release",
                ReviewDesk.json("{}"))).code()).as("not theirs to release").isEqualTo(409);

        assertThat(take(receipt, ReviewDesk.REVIEWER, "{\"takeOver\":true,\"holder\":\"someone-else@moe.gov.tw\"}"))
                .as("a take-over of a holder who is not the one seen").isEqualTo(409);
        assertThat(take(receipt, ReviewDesk.REVIEWER, "{\"takeOver\":true,\"holder\":\"holder@moe.gov.tw\"}"))
                .isEqualTo(200);
        HttpResponse<String> marked = desk.mark(receipt, flag, "CONFIRMED", "紅色基地 is a political visit");
        assertThat(marked.code()).isEqualTo(200);
        try {
            desk.post("/api/review/" + receipt + "/findings/" + flag, ReviewDesk.json("{\"state\":\"FALSE_POSITIVE\"}"),
                    TestAccounts.AUTHORIZATION, desk.reviewer("holder@moe.gov.tw"));
            throw new AssertionError("the former holder marked a record taken over");
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(409);
        }
        assertThat(desk.decide(receipt, "RETURN", "please correct the itinerary").code()).isEqualTo(200);
        assertThat(take(receipt, "holder@moe.gov.tw", "{}")).as("a decided record is not taken").isEqualTo(409);
    }

    @Test
    void aReleasedRecordIsFreeToTake() {
        String receipt = flagged();
        assertThat(take(receipt, ReviewDesk.REVIEWER, "{}")).isEqualTo(200);
        JsonNode released = ReviewDesk.json(desk.post("/api/review/" + receipt + "/release", ReviewDesk.json("{}")));
        assertThat(released.get("holder").isNull()).isTrue();
        assertThat(take(receipt, "holder@moe.gov.tw", "{}")).isEqualTo(200);
    }
}
