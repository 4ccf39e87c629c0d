package tw.straitcheck.review;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.review.ReviewDesk.body;
import static tw.straitcheck.review.ReviewDesk.receipts;
import static tw.straitcheck.review.ReviewDesk.refused;
import static tw.straitcheck.review.ReviewDesk.visiting;
import static tw.straitcheck.review.ReviewDesk.withoutSelfCheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * The reviewers' queue over real HTTP. Today is 2026-05-20; the school has four records in review:
 * one with a violation leaving 8/20, one with two flags leaving 8/1, one with one flag leaving
 * 7/1, and an announcement with one flag starting 6/1 (it does not travel).
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class ReviewQueueTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private ReviewDesk desk;
    private String violation;
    private String twoFlagsLater;
    private String oneFlagSooner;
    private String announcement;

    @BeforeEach
    void fourRecordsInReview() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        desk = new ReviewDesk(client, accounts);
        oneFlagSooner = desk.file(visiting(desk.registration(LocalDate.of(2026, 7, 1)), "紅色基地"));
        announcement = desk.file(desk.announcement(LocalDate.of(2026, 6, 1), "黨史"));
        twoFlagsLater = desk.file(visiting(desk.registration(LocalDate.of(2026, 8, 1)), "紅色基地", "升旗儀式"));
        violation = desk.file(withoutSelfCheck(desk.registration(LocalDate.of(2026, 8, 20))));
    }

    @Test
    void theViolationComesFirstThenTheTwoFlagsLeavingLaterThenTheOneFlagLeavingSoonerThenTheAnnouncement() {
        JsonNode queue = desk.queue("");

        assertThat(receipts(queue)).containsExactly(violation, twoFlagsLater, oneFlagSooner, announcement);
        assertThat(queue.get("total").asLong()).isEqualTo(4);
        assertThat(queue.get("page").asInt()).isZero();
        assertThat(queue.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void eachItemCarriesTheSummaryTheDaysUntilDepartureAndTheFlaggedAndViolatedRuleIds() {
        List<JsonNode> items = new ArrayList<>();
        desk.queue("").get("items").forEach(items::add);

        JsonNode first = items.get(0);
        assertThat(first.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(first.get("schoolCode").asText()).isEqualTo(desk.school);
        assertThat(first.get("verdict").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(first.get("lockVersion").isNumber()).isTrue();
        assertThat(first.get("daysUntilDeparture").asInt()).isEqualTo(92); // 5/20 → 8/20
        assertThat(first.get("violatedRuleIds")).extracting(JsonNode::asText).containsExactly("SELF_CHECK.MISSING");
        assertThat(first.get("flaggedRuleIds")).isEmpty();

        JsonNode twoFlags = items.get(1);
        assertThat(twoFlags.get("flags").asInt()).isEqualTo(2);
        assertThat(twoFlags.get("flaggedRuleIds")).extracting(JsonNode::asText).containsExactly("CONTENT.POLITICAL");
        assertThat(items.get(2).get("daysUntilDeparture").asInt()).isEqualTo(42); // 5/20 → 7/1
        assertThat(items.get(3).get("daysUntilDeparture").isNull()).isTrue();
    }

    @Test
    void theRuleIdFilterKeepsTheRecordsWhoseCurrentVersionRaisedIt() {
        assertThat(receipts(desk.queue("ruleId=CONTENT.POLITICAL"))).containsExactly(twoFlagsLater, oneFlagSooner, announcement);
        assertThat(receipts(desk.queue("ruleId=SELF_CHECK.MISSING"))).containsExactly(violation);
        assertThat(receipts(desk.queue("ruleId=PERMIT.LEAD_TIME_MISSED"))).isEmpty();
    }

    @Test
    void aReturnedRecordLeavesTheDefaultQueueAndIsFoundByAskingForReturned() {
        desk.decide(violation, "RETURN", "請完成自我檢核表");

        assertThat(receipts(desk.queue(""))).containsExactly(twoFlagsLater, oneFlagSooner, announcement);
        assertThat(receipts(desk.queue("status=RETURNED"))).containsExactly(violation);
        assertThat(receipts(desk.queue("status=IN_REVIEW,RETURNED"))).hasSize(4);
    }

    @Test
    void theDateRangeIsOnTheDepartureOrForRecordsThatDoNotTravelTheStartWithBothEndsIncluded() {
        assertThat(receipts(desk.queue("from=2026-07-01&to=2026-08-01"))).containsExactly(twoFlagsLater, oneFlagSooner);
        assertThat(receipts(desk.queue("from=2026-05-25&to=2026-06-30"))).containsExactly(announcement);
        assertThat(receipts(desk.queue("from=2026-08-02"))).containsExactly(violation);
        assertThat(receipts(desk.queue("to=2026-06-01"))).containsExactly(announcement);
    }

    @Test
    void pagesOfTwoSplitTheFourRecordsInQueueOrderWithTheTotalOnEachPage() {
        JsonNode first = desk.queue("size=2");
        JsonNode second = desk.queue("size=2&page=1");
        JsonNode beyond = desk.queue("size=2&page=2");

        assertThat(receipts(first)).containsExactly(violation, twoFlagsLater);
        assertThat(receipts(second)).containsExactly(oneFlagSooner, announcement);
        assertThat(receipts(beyond)).isEmpty();
        for (JsonNode page : List.of(first, second, beyond)) {
            assertThat(page.get("total").asLong()).isEqualTo(4);
            assertThat(page.get("size").asInt()).isEqualTo(2);
        }
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void aBadDateASizeOfZeroAndAnUnknownStatusAreRefusedTogetherWith422() {
        HttpClientResponseException e = refused(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/review/queue?from=2026-13-01&size=0&status=PENDING").header(TestAccounts.AUTHORIZATION, desk.reviewer()),
                String.class));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        JsonNode body = body(e);
        List<String> fields = new ArrayList<>();
        body.get("errors").forEach(error -> {
            fields.add(error.get("field").asText());
            assertThat(error.get("message").get("zh").asText()).isNotBlank();
            assertThat(error.get("message").get("en").asText()).isNotBlank();
        });
        assertThat(fields).containsExactlyInAnyOrder("from", "size", "status");
        assertThat(body.get("message").get("zh").asText()).isNotBlank();
    }

    @Test
    void aSizeAbove100AndARangeEndingBeforeItStartsAreRefusedWith422() {
        HttpClientResponseException e = refused(() -> client.toBlocking().exchange(HttpRequest.GET(
                "/api/review/queue?size=101&from=2026-07-01&to=2026-06-30&page=-1").header(TestAccounts.AUTHORIZATION,
                desk.reviewer()), String.class));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(e).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("size", "to", "page");
    }
}
