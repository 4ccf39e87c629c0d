package tw.straitcheck.review;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.review.ReviewDesk.body;
import static tw.straitcheck.review.ReviewDesk.json;
import static tw.straitcheck.review.ReviewDesk.refused;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * A subsidy from application to the next year's, over real HTTP on the embedded PostgreSQL: the
 * school applies (always reviewed), a reviewer approves it with an amount, the school files the
 * results report (its approved total must be that amount; editable until its due), and the next
 * year's application by the same applicant is flagged or barred as section G says.
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class SubsidyJourneyTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private ReviewDesk desk;

    @BeforeEach
    void aDeskOfItsOwn() {
        desk = new ReviewDesk(client, accounts);
        clock.setDay(LocalDate.of(2026, 5, 20));
    }

    /** The spec's example application, for this test's applicant, with its activity from {@code start} for five days. */
    private ObjectNode application(LocalDate start) {
        ObjectNode json = Fixtures.baseline("subsidy-application");
        ((ObjectNode) json.get("applicant")).put("code", desk.school);
        ObjectNode period = json.putObject("activityPeriod");
        period.put("start", start.toString());
        period.put("end", start.plusDays(4).toString());
        return json;
    }

    /** The spec's example report for the subsidy, with the approved amounts and actual spending given. */
    private static ObjectNode report(String subsidy, LocalDate start, String held, long[] approved, long[] actual) {
        ObjectNode json = Fixtures.baseline("results-report");
        json.put("subsidyId", subsidy);
        json.put("held", held);
        ObjectNode period = json.putObject("activityPeriod");
        period.put("start", start.toString());
        period.put("end", start.plusDays(4).toString());
        ArrayNode items = json.putArray("expenditure");
        long total = 0;
        for (int i = 0; i < approved.length; i++) {
            ObjectNode item = items.addObject();
            item.put("item", "項目" + (i + 1));
            item.put("approved", approved[i]);
            item.put("actual", actual[i]);
            item.put("note", "");
            total += approved[i];
        }
        json.put("approvedTotal", total);
        return json;
    }

    private String approve(String receipt, long amount) {
        ObjectNode body = ReviewDesk.JSON.createObjectNode();
        body.put("action", "APPROVE");
        body.put("comment", "核定補助");
        body.put("approvedAmount", amount);
        for (JsonNode v : desk.record(receipt).get("versions")) {
            for (JsonNode f : v.get("findings")) {
                if (f.get("kind").asText().equals("FLAG")) {
                    desk.mark(receipt, f.get("id").asLong(), "CONFIRMED", "已審閱");
                }
            }
        }
        return json(desk.post("/api/review/" + receipt + "/decision", body))
                .get("status").asText();
    }

    private static List<String> ruleIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    @Test
    void anApplicationIsReviewedApprovedWithAnAmountReportedOnAndTheNextYearsApplicationIsBarredWhenTheReportSaysNotHeld() {
        LocalDate start = LocalDate.of(2026, 9, 14);
        JsonNode filed = json(desk.post("/api/submissions", application(start)));
        String subsidy = filed.get("receipt").asText();
        assertThat(filed.get("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(filed.get("status").asText()).isEqualTo("IN_REVIEW"); // every application is decided by the ministry
        assertThat(desk.queue("").toString()).contains(subsidy);

        // a subsidy application is approved with an amount, never cleared
        assertThat(refused(() -> desk.decide(subsidy, "CLEAR", null)).getStatus().getCode()).isEqualTo(422);
        ObjectNode noAmount = ReviewDesk.JSON.createObjectNode().put("action", "APPROVE");
        assertThat(body(refused(() -> desk.post("/api/review/" + subsidy + "/decision", noAmount))).get("errors").get(0).get("field").asText()).isEqualTo("approvedAmount");
        assertThat(approve(subsidy, 200_000)).isEqualTo("APPROVED");
        assertThat(desk.record(subsidy).get("approvedAmount").asLong()).isEqualTo(200_000);

        // the report's approved total must be the approved amount
        clock.setDay(LocalDate.of(2026, 10, 1));
        HttpClientResponseExceptionAssert.field(refused(() -> desk.post("/api/submissions",
                report(subsidy, start, "AS_PLANNED", new long[] {150_000, 60_000}, new long[] {150_000, 60_000}))),
                "approvedTotal");

        JsonNode first = json(desk.post("/api/submissions",
                report(subsidy, start, "AS_PLANNED", new long[] {80_000, 120_000}, new long[] {80_000, 104_000})));
        assertThat(first.get("receipt").asText()).isEqualTo(subsidy);
        assertThat(first.get("version").asInt()).isEqualTo(2);
        assertThat(first.get("findings").toString()).contains("RESULTS.EXECUTION_RATE").contains("92.00");

        // editable until the due (2026-11-18): the edit says the activity was not held
        clock.setDay(LocalDate.of(2026, 11, 18));
        JsonNode edited = json(desk.post("/api/submissions",
                report(subsidy, start, "NOT_HELD", new long[] {80_000, 120_000}, new long[] {0, 0})));
        assertThat(edited.get("version").asInt()).isEqualTo(3);
        assertThat(ruleIds(edited)).contains("RESULTS.NOT_ELIGIBLE_NEXT_YEAR");
        JsonNode kept = desk.record(subsidy);
        assertThat(kept.get("status").asText()).isEqualTo("APPROVED");
        assertThat(kept.get("history").toString()).contains("RESULTS_REPORTED").contains("RESULTS_REPORT_EDITED");
        clock.setDay(LocalDate.of(2026, 11, 19));
        assertThat(refused(() -> desk.post("/api/submissions",
                report(subsidy, start, "AS_PLANNED", new long[] {80_000, 120_000}, new long[] {80_000, 120_000})))
                .getStatus().getCode()).isEqualTo(409);

        // the next year's application by the same applicant: barred (SUBSIDY 6(2)), from the store
        clock.setDay(LocalDate.of(2027, 1, 11));
        JsonNode next = json(desk.post("/api/submissions", application(LocalDate.of(2027, 4, 12))));
        assertThat(ruleIds(next)).contains("SUBSIDY.BARRED_THIS_YEAR");
        assertThat(next.get("verdict").asText()).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void aSecondApplicationOfTheSameKindInTheSameYearIsFlaggedOncePerYearAndAPreCheckSeesTheStoreToo() {
        String first = json(desk.post("/api/submissions", application(LocalDate.of(2026, 9, 14)))).get("receipt").asText();
        approve(first, 250_000);

        ObjectNode second = application(LocalDate.of(2026, 11, 2));
        JsonNode preCheck = json(desk.post("/api/checks?asOf=2026-05-21", second));
        assertThat(ruleIds(preCheck)).contains("SUBSIDY.ONCE_PER_YEAR");
        JsonNode filed = json(desk.post("/api/submissions", second));
        assertThat(ruleIds(filed)).contains("SUBSIDY.ONCE_PER_YEAR");
        assertThat(filed.get("verdict").asText()).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void aReportMayLeaveOutTheActivityPeriodWhichTheStoredSubsidyGivesAndADifferentOneIsRefused() {
        LocalDate start = LocalDate.of(2026, 9, 14);
        String subsidy = json(desk.post("/api/submissions", application(start))).get("receipt").asText();
        approve(subsidy, 200_000);
        clock.setDay(LocalDate.of(2026, 10, 1));
        ObjectNode withoutPeriod = report(subsidy, start, "AS_PLANNED", new long[] {80_000, 120_000}, new long[] {80_000, 104_000});
        withoutPeriod.remove("activityPeriod");

        JsonNode preCheck = json(desk.post("/api/checks?asOf=2026-10-01", withoutPeriod));
        assertThat(preCheck.get("findings").toString()).contains("RESULTS.EXECUTION_RATE").contains("92.00");
        JsonNode filed = json(desk.post("/api/submissions", withoutPeriod));
        assertThat(filed.get("receipt").asText()).isEqualTo(subsidy);
        // the results report's due (SUBSIDY 6(1): two months after the activity) is the stored subsidy's
        assertThat(desk.record(subsidy).toString()).contains("OBL.SUBSIDY_RESULTS_REPORT");

        ObjectNode otherPeriod = report(subsidy, start.plusDays(1), "AS_PLANNED", new long[] {80_000, 120_000},
                new long[] {80_000, 104_000});
        HttpClientResponseExceptionAssert.field(refused(() -> desk.post("/api/submissions", otherPeriod)), "activityPeriod");
    }

    @Test
    void aPreCheckOfAReportOnASubsidyTheServiceDoesNotHoldNeedsItsActivityPeriod() {
        ObjectNode report = report("1150712-999999", LocalDate.of(2026, 9, 14), "AS_PLANNED", new long[] {1}, new long[] {1});
        report.remove("activityPeriod");

        HttpClientResponseExceptionAssert.field(refused(() -> desk.post("/api/checks?asOf=2026-10-01", report)),
                "activityPeriod");
    }

    @Test
    void aReportOnASubsidyThatIsNotApprovedIsRefusedOnItsSubsidyId() {
        String pending = json(desk.post("/api/submissions", application(LocalDate.of(2026, 9, 14)))).get("receipt").asText();

        HttpClientResponseExceptionAssert.field(refused(() -> desk.post("/api/submissions",
                report(pending, LocalDate.of(2026, 9, 14), "AS_PLANNED", new long[] {1}, new long[] {1}))), "subsidyId");
    }

    /** The refusal is a 422 naming the field. */
    private static final class HttpClientResponseExceptionAssert {
        static void field(io.micronaut.http.client.exceptions.HttpClientResponseException e, String field) {
            assertThat(e.getStatus().getCode()).isEqualTo(422);
            assertThat(body(e).get("errors").toString()).contains("\"field\":\"" + field + "\"");
        }
    }
}
