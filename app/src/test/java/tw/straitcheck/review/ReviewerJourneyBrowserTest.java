package tw.straitcheck.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.straitcheck.Browser;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * A reviewer's day in a real browser (issue 8): a school's system files a record that raises a
 * flag; the reviewer takes it in the queue, confirms the flag with a note and returns it with a
 * reason; the school corrects and resubmits; the reviewer reads the two versions side by side,
 * marks the new flag and accepts the record. And a page left open while another reviewer decided
 * the record: the decision gets the 409 as a page that says what happened.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class ReviewerJourneyBrowserTest {

    private static final String REVIEWER = "journey-reviewer@moe.gov.tw";

    @Inject
    EmbeddedServer server;

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
        accounts.reviewer(REVIEWER);
    }

    private ObjectNode registration(String title, String itinerary) {
        ObjectNode json = desk.registration(LocalDate.of(2026, 7, 5));
        json.put("activityName", title);
        json.put("itineraryText", itinerary);
        return json;
    }

    /** Waits for the page the last click opened: the element with the text. */
    private static void waitFor(Browser browser, String css, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    @Test
    void aReviewerTakesConfirmsReturnsAndAcceptsTheCorrectedRecord() {
        String receipt = desk.file(registration("海洋科學夏令營", "7/6 參訪紅色基地；7/7 海洋大學實驗室交流。"));
        desk.file(registration("高中生科普交流團", "7/6 參訪科技館；7/8 參觀黨史館。"));
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.logIn(REVIEWER, TestAccounts.PASSWORD);
            browser.go("/review?tab=in-review&school=" + desk.school);
            assertThat(browser.text()).contains("審查中", receipt, "海洋科學夏令營");
            browser.click("a[href='/review/records/" + receipt + "']");
            assertThat(browser.path()).isEqualTo("/review/records/" + receipt);
            browser.click("button.take");
            waitFor(browser, "section.holder", "本案由您承辦");

            browser.go("/review?tab=in-review&school=" + desk.school);
            assertThat(browser.find("table.queue").getText()).contains(REVIEWER);
            browser.screenshot("review-queue");
            browser.language("en");
            assertThat(browser.text()).contains("Review queue", "Days to departure", "Held by", REVIEWER);
            browser.screenshot("review-queue");

            browser.go("/review/records/" + receipt);
            browser.click(".mark-form input[value=CONFIRMED]");
            browser.type("note", "紅色基地 is a visit of political content");
            browser.click(".mark-form button[type=submit]");
            waitFor(browser, "p.mark", "Confirmed");
            assertThat(browser.find("p.mark").getText()).contains(REVIEWER);
            assertThat(browser.text()).contains("紅色基地 is a visit of political content");

            browser.click("section.decision button.decide");
            waitFor(browser, "section.decision", "choose one");
            assertThat(browser.text()).as("a decision without a reason").contains("choose one", "required");
            browser.click("input[name=action][value=RETURN]");
            browser.type("comment", "Please take 紅色基地 out of the itinerary.");
            browser.click("section.decision button.decide");
            waitFor(browser, "p.success", "The decision is recorded");
            assertThat(browser.text()).contains( "Returned for correction",
                    "Please take 紅色基地 out of the itinerary.");

            // the school corrects the itinerary, keeping a stop the list still flags
            clock.setDay(LocalDate.of(2026, 5, 22));
            client.toBlocking().exchange(HttpRequest.PUT("/api/submissions/" + receipt,
                    registration("海洋科學夏令營", "7/6 參訪海洋博物館；7/7 海洋大學實驗室交流（不含紅色基地）。").toString())
                    .contentType(MediaType.APPLICATION_JSON_TYPE).header(TestAccounts.AUTHORIZATION, desk.filer()),
                    String.class);

            browser.go("/review/records/" + receipt);
            assertThat(browser.text()).contains("Versions side by side (2)", "Version 1", "Version 2", "Resubmission");
            assertThat(browser.find("td.changed").getText()).contains("海洋博物館");
            browser.click(".mark-form input[value=FALSE_POSITIVE]");
            browser.type("note", "The itinerary now says the base is not visited.");
            browser.click(".mark-form button[type=submit]");
            waitFor(browser, "p.mark", "False positive");
            browser.screenshot("review-record");
            browser.language("zh-TW");
            assertThat(browser.text()).contains("各版本對照（2 版）", "誤判");
            browser.screenshot("review-record");

            browser.click("input[name=action][value=CLEAR]");
            browser.type("comment", "行程已修正，同意備查。");
            browser.click("section.decision button.decide");
            waitFor(browser, "p.success", "已登錄審查決定");
            assertThat(browser.text()).contains("同意備查");
        }
        JsonNode record = desk.record(receipt);
        assertThat(record.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(desk.history(receipt)).containsExactly("REGISTERED", "RETURN", "RESUBMITTED", "CLEAR");
    }

    @Test
    void aDecisionOnAPageLeftOpenWhileAnotherReviewerDecidedIsAReadableConflict() {
        String zh = desk.file(registration("兩岸青年交流營", "7/6 參訪紅色基地。"));
        String en = desk.file(registration("Cross-strait youth camp", "7/6 參訪紅色基地。"));
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.logIn(REVIEWER, TestAccounts.PASSWORD);
            for (String receipt : new String[] {zh, en}) {
                if (receipt.equals(en)) {
                    browser.language("en");
                }
                browser.go("/review/records/" + receipt);
                desk.decide(receipt, "RETURN", "請補充行程說明", TestAccounts.AUTHORIZATION,
                        desk.reviewer("other-reviewer@moe.gov.tw"));
                browser.click("input[name=action][value=REJECT]");
                browser.type("comment", receipt.equals(en) ? "Political content." : "行程含政治性內容。");
                browser.click("section.decision button.decide");
                assertThat(browser.find("p.conflict-message").getText()).isNotBlank();
                waitFor(browser, "span.current-status", receipt.equals(en) ? "Returned" : "退回");
                assertThat(browser.find("span.current-status").getText())
                        .isEqualTo(receipt.equals(en) ? "Returned for correction" : "退回補正");
                assertThat(browser.text()).doesNotContain("{\"", "lockVersion\"");
                browser.screenshot("review-conflict");
            }
        }
        assertThat(desk.record(zh).get("status").asText()).isEqualTo("RETURNED");
    }
}
