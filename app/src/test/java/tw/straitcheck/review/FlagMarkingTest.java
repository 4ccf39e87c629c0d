package tw.straitcheck.review;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.review.ReviewDesk.body;
import static tw.straitcheck.review.ReviewDesk.json;
import static tw.straitcheck.review.ReviewDesk.refused;
import static tw.straitcheck.review.ReviewDesk.visiting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * Marking flags and the keyword statistics, over real HTTP. Today is 2026-05-20; the school's
 * registration leaving 7/5 visits 紅色基地, attends a 升旗儀式 and a 兩岸一家親 forum: three
 * CONTENT.POLITICAL flags, in review.
 */
@MicronautTest
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class FlagMarkingTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private ReviewDesk desk;

    @BeforeEach
    void aSchoolOfItsOwn() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        desk = new ReviewDesk(client, accounts);
    }

    private String threeFlags() {
        return desk.file(visiting(desk.registration(LocalDate.of(2026, 7, 5)), "紅色基地", "升旗儀式", "兩岸一家親論壇"));
    }

    /** The record's flags of its latest version by the keyword each matched. */
    private Map<String, Long> flagsByKeyword(String receipt) {
        JsonNode versions = desk.record(receipt).get("versions");
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode f : versions.get(versions.size() - 1).get("findings")) {
            if (f.get("kind").asText().equals("FLAG")) {
                ids.put(f.get("evidence").get(0).get("matched").asText(), f.get("id").asLong());
            }
        }
        return ids;
    }

    private JsonNode finding(String receipt, long id) {
        for (JsonNode version : desk.record(receipt).get("versions")) {
            for (JsonNode f : version.get("findings")) {
                if (f.get("id").asLong() == id) {
                    return f;
                }
            }
        }
        throw new AssertionError("no finding " + id);
    }

    /** [confirmed, falsePositives, unreviewed] per "ruleId keyword". */
    private Map<String, List<Long>> keywordStats() {
        Map<String, List<Long>> stats = new HashMap<>();
        for (JsonNode item : desk.get("/api/review/keyword-stats").get("items")) {
            stats.put(item.get("ruleId").asText() + " " + item.get("keyword").asText(), List.of(
                    item.get("confirmed").asLong(), item.get("falsePositives").asLong(), item.get("unreviewed").asLong()));
        }
        return stats;
    }

    private static List<Long> change(Map<String, List<Long>> before, Map<String, List<Long>> after, String key) {
        List<Long> was = before.getOrDefault(key, List.of(0L, 0L, 0L));
        List<Long> now = after.get(key);
        return List.of(now.get(0) - was.get(0), now.get(1) - was.get(1), now.get(2) - was.get(2));
    }

    @Test
    void aConfirmedAndAFalsePositiveFlagKeepTheirMarkNoteReviewerAndTaipeiTimeAndShowInTheRecord() {
        String receipt = threeFlags();
        Map<String, Long> flags = flagsByKeyword(receipt);

        HttpResponse<String> confirmed = desk.mark(receipt, flags.get("升旗儀式"), "CONFIRMED", "行程含升旗儀式");
        desk.mark(receipt, flags.get("紅色基地"), "FALSE_POSITIVE", "紅色基地為當地海洋研究站之名");

        JsonNode answer = json(confirmed);
        assertThat(answer.get("id").asLong()).isEqualTo(flags.get("升旗儀式"));
        assertThat(answer.get("keyword").asText()).isEqualTo("升旗儀式");
        assertThat(answer.get("review").get("state").asText()).isEqualTo("CONFIRMED");
        assertThat(answer.get("review").get("at").asText()).isEqualTo("2026-05-20T12:00:00+08:00");
        JsonNode shown = finding(receipt, flags.get("紅色基地")).get("review");
        assertThat(shown.get("state").asText()).isEqualTo("FALSE_POSITIVE");
        assertThat(shown.get("note").asText()).isEqualTo("紅色基地為當地海洋研究站之名");
        assertThat(shown.get("by").asText()).isEqualTo(ReviewDesk.REVIEWER);
        assertThat(shown.get("at").asText()).isEqualTo("2026-05-20T12:00:00+08:00");
        assertThat(finding(receipt, flags.get("升旗儀式")).get("review").get("state").asText()).isEqualTo("CONFIRMED");
        assertThat(finding(receipt, flags.get("兩岸一家親")).has("review")).isFalse();
    }

    @Test
    void aReviewerMayChangeAMarkWhileTheRecordIsInReview() {
        String receipt = threeFlags();
        long flag = flagsByKeyword(receipt).get("紅色基地");
        desk.mark(receipt, flag, "CONFIRMED", null);

        desk.mark(receipt, flag, "FALSE_POSITIVE", "再查為研究站名稱");

        assertThat(finding(receipt, flag).get("review").get("state").asText()).isEqualTo("FALSE_POSITIVE");
    }

    @Test
    void theKeywordStatisticsCountEachKeywordsConfirmedFalsePositiveAndUnreviewedFlags() {
        Map<String, List<Long>> before = keywordStats();
        String receipt = threeFlags();
        Map<String, Long> flags = flagsByKeyword(receipt);
        desk.mark(receipt, flags.get("升旗儀式"), "CONFIRMED", null);
        desk.mark(receipt, flags.get("紅色基地"), "FALSE_POSITIVE", null);

        Map<String, List<Long>> after = keywordStats();

        assertThat(change(before, after, "CONTENT.POLITICAL 升旗儀式")).containsExactly(1L, 0L, 0L);
        assertThat(change(before, after, "CONTENT.POLITICAL 紅色基地")).containsExactly(0L, 1L, 0L);
        assertThat(change(before, after, "CONTENT.POLITICAL 兩岸一家親")).containsExactly(0L, 0L, 1L);
    }

    @Test
    void theKeywordStatisticsListTheMostFalsePositivesFirst() {
        String receipt = threeFlags();
        desk.mark(receipt, flagsByKeyword(receipt).get("紅色基地"), "FALSE_POSITIVE", null);

        List<Long> falsePositives = new ArrayList<>();
        desk.get("/api/review/keyword-stats").get("items").forEach(i -> falsePositives.add(i.get("falsePositives").asLong()));

        assertThat(falsePositives).isNotEmpty();
        assertThat(falsePositives).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void markingAnObligationIsRefusedWith422() {
        String receipt = threeFlags();
        long obligation = desk.findings(receipt, "OBLIGATION").get(0);

        HttpClientResponseException e = refused(() -> desk.mark(receipt, obligation, "CONFIRMED", null));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(body(e).get("errors").get(0).get("field").asText()).isEqualTo("findingId");
        assertThat(finding(receipt, obligation).has("review")).isFalse();
    }

    @Test
    void anUnknownStateIsRefusedWith422() {
        String receipt = threeFlags();
        long flag = desk.findings(receipt, "FLAG").get(0);
        ObjectNode body = ReviewDesk.JSON.createObjectNode().put("state", "DISMISSED");

        HttpClientResponseException e = refused(() -> desk.post("/api/review/" + receipt + "/findings/" + flag, body));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(e).get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly("state");
    }

    @Test
    void aFindingOfAnotherRecordOrOfNoneIsAnswered404() {
        String receipt = threeFlags();
        String other = threeFlags();
        long othersFlag = desk.findings(other, "FLAG").get(0);

        assertThat(refused(() -> desk.mark(receipt, othersFlag, "CONFIRMED", null)).getStatus().getCode()).isEqualTo(404);
        assertThat(refused(() -> desk.mark(receipt, Long.MAX_VALUE, "CONFIRMED", null)).getStatus().getCode()).isEqualTo(404);
        assertThat(finding(other, othersFlag).has("review")).isFalse();
    }

    @Test
    void aClearWithOneFlagUnmarkedIsRefusedWith409NamingItAndPassesOnceItIsMarked() {
        String receipt = threeFlags();
        Map<String, Long> flags = flagsByKeyword(receipt);
        desk.mark(receipt, flags.get("升旗儀式"), "FALSE_POSITIVE", "升旗儀式為我方學生未參加之校內活動");
        desk.mark(receipt, flags.get("紅色基地"), "FALSE_POSITIVE", "研究站名稱");

        HttpClientResponseException e = refused(() -> desk.decide(receipt, "CLEAR", null));

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(body(e).get("unmarkedFindings")).extracting(JsonNode::asLong).containsExactly(flags.get("兩岸一家親"));
        assertThat(body(e).get("current").get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(desk.history(receipt)).containsExactly("REGISTERED");

        desk.mark(receipt, flags.get("兩岸一家親"), "FALSE_POSITIVE", "論壇名稱經查為海洋科學交流");
        HttpResponse<String> cleared = desk.decide(receipt, "CLEAR", "三項提醒皆為誤判");

        assertThat(cleared.code()).isEqualTo(200);
        assertThat(json(cleared).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(desk.history(receipt)).containsExactly("REGISTERED", "CLEAR");
    }

    @Test
    void aRejectNeedsNoMarksAndAfterItTheFlagsMarksNoLongerChange() {
        String receipt = threeFlags();
        desk.decide(receipt, "REJECT", "行程具政治性內容");
        long flag = desk.findings(receipt, "FLAG").get(0);

        HttpClientResponseException e = refused(() -> desk.mark(receipt, flag, "FALSE_POSITIVE", null));

        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(body(e).get("current").get("status").asText()).isEqualTo("REJECTED");
    }
}
