package tw.straitcheck.filing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.straitcheck.Browser;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Contacts;
import tw.straitcheck.account.Role;

/**
 * A school user's whole journey in a real browser: pre-check (the verdict, the flag's words
 * highlighted), register, the confirmation with the mail and its recipients, the obligations
 * calendar downloaded with the browser's session, a change notice, and after the activity the
 * post-activity report. Screenshots of each page in both languages for docs/screenshots/.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class SchoolJourneyBrowserTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    Contacts contacts;

    @Inject
    MutableClock clock;

    @Test
    void aSchoolUserPreChecksRegistersDownloadsTheCalendarFilesAChangeAndTheReport() throws Exception {
        clock.setDay(LocalDate.of(2026, 5, 20));
        String school = "J" + UUID.randomUUID().toString().substring(0, 6);
        String user = "journey-" + school + "@school.edu.tw";
        accounts.bearer(user, Role.SCHOOL_USER, school);
        contacts.add(school, new Contacts.Form("陳聯絡", "組長", "contact-" + school + "@school.edu.tw", "06-1"));

        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.logIn(user, TestAccounts.PASSWORD);
            browser.go("/school/check");

            // rows are added and removed by posting the form back
            browser.click("button[value='add:locations']");
            assertThat(browser.find("input[name='locations[1].city']").isDisplayed()).isTrue();
            browser.click("button[value='remove:locations:1']");
            waitFor(browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("input[name='locations[1].city']"), 0));

            // the civil-servant questions come with the answer
            assertThat(browser.find("#civil-0").isDisplayed()).isFalse();
            browser.click("input[name='leaders[0].civilServant'][value='true']");
            assertThat(browser.find("#civil-0").isDisplayed()).isTrue();

            fill(browser);
            assertThat(browser.find("#civil-0").isDisplayed()).isFalse();
            shot(browser, "school-check");
            browser.click("form#registration .actions button.button:not(.secondary)");
            browser.find("section.result");
            assertThat(browser.text()).contains("需人工審查", "尚未登錄", "紅色");
            assertThat(browser.find(".evidence mark").getText()).contains("紅色");
            shot(browser, "school-result");

            browser.language("en");
            fill(browser);
            shot(browser, "school-check");
            browser.click("form#registration .actions button.button:not(.secondary)");
            browser.find("section.result");
            assertThat(browser.text()).contains("Needs review", "nothing is registered");
            shot(browser, "school-result");

            browser.click("section.result button[formaction='/school/register']");
            waitFor(browser, ExpectedConditions.urlContains("/filed"));
            String receipt = browser.path().split("/")[3];
            assertThat(browser.text()).contains(receipt, "contact-" + school + "@school.edu.tw", user,
                    "a reviewer will review");
            shot(browser, "school-filed");
            browser.language("zh-TW");
            assertThat(browser.text()).contains("登錄完成", "審查人員審查");
            shot(browser, "school-filed");

            String ics = browser.find("a[href$='obligations.ics']").getAttribute("href");
            Calendar calendar = new CalendarBuilder().build(new StringReader(withCookies(browser, ics)));
            assertThat(calendar.getComponents("VEVENT")).isNotEmpty();
            assertThat(calendar.toString()).contains(receipt + "-OBL.POST_ACTIVITY_REPORT");

            browser.go("/school/records");
            assertThat(browser.text()).contains("審查中", receipt);
            shot(browser, "school-records");
            browser.language("en");
            assertThat(browser.text()).contains("In review");
            shot(browser, "school-records");

            browser.go("/school/records/" + receipt);
            assertThat(browser.text()).contains("Obligations and their dates", "2026/08/11");
            shot(browser, "school-record");
            browser.language("zh-TW");
            shot(browser, "school-record");

            // a change notice: more students
            browser.click("a[href$='/change']");
            browser.find("input[name='changeOccurredOn']");
            browser.type("changeOccurredOn", "2026/05/20");
            browser.type("reason", "增加參加學生");
            browser.type("participants.students", "25");
            browser.click("form#registration .actions button.button");
            assertThat(browser.find("p.success").getText()).contains("活動變更通報已送出");
            assertThat(browser.path()).isEqualTo("/school/records/" + receipt + "?filed=change");
            assertThat(browser.text()).contains("活動變更通報已送出", "變更通報");

            // after the activity: the post-activity report
            clock.setDay(LocalDate.of(2026, 7, 15));
            browser.click("a[href$='/report']");
            browser.find("select[name='held']");
            new Select(browser.field("held")).selectByValue("HELD");
            browser.type("actualPeriod.start", "2026/07/06");
            browser.type("actualPeriod.end", "2026/07/10");
            browser.type("actualStudents", "25");
            browser.type("difficulties", "無");
            browser.type("reflections", "學生收穫良多。");
            browser.click("main form button[type=submit]");
            assertThat(browser.find("p.success").getText()).contains("事後登錄已送出");
            assertThat(browser.text()).contains("2026/07/15");
        }
    }

    private static void fill(Browser browser) {
        browser.click("input[name='school.publicSchool'][value='true']");
        browser.type("activityName", "海洋科學夏令營");
        new Select(browser.field("mode")).selectByValue("VISIT");
        browser.click("input[name='categories'][value='ACADEMIC_CAMP']");
        browser.type("activityPeriod.start", "2026/07/06");
        browser.type("activityPeriod.end", "2026/07/10");
        browser.type("travelPeriod.departure", "2026/07/05");
        browser.type("travelPeriod.return", "2026/07/11");
        browser.type("locations[0].province", "浙江省");
        browser.type("locations[0].city", "舟山市");
        browser.type("mainlandPartners", "浙江海洋大學");
        new Select(browser.field("internalUnits.scope")).selectByValue("SINGLE");
        browser.type("internalUnits.names", "教務處");
        browser.type("organizers.hostUnit", "教務處");
        browser.type("organizers.hostPhone", "06-9261101");
        browser.type("organizers.executingUnit", "實習處");
        browser.type("organizers.executingPhone", "06-9261102");
        browser.type("leaders[0].name", "王大明");
        browser.type("leaders[0].unit", "教務處");
        browser.type("leaders[0].title", "教務主任");
        browser.type("leaders[0].phone", "06-9261101");
        browser.type("leaders[0].email", "wang@example.edu.tw");
        browser.click("input[name='leaders[0].civilServant'][value='false']");
        browser.type("participants.students", "20");
        browser.type("participants.teachers", "2");
        browser.type("participants.others", "0");
        new Select(browser.field("funding[0].source")).selectByValue("OUR_SIDE");
        browser.type("funding[0].agency", "教育部");
        browser.type("funding[0].amount", "100000");
        browser.type("itineraryText", "7/6 開幕；7/8 參訪行程：紅色基地；7/10 結業");
        browser.click("input[name='announcedOnCampus'][value='true']");
        if (!browser.field("selfCheckCompleted").isSelected()) {
            browser.click("input[name='selfCheckCompleted']");
        }
    }

    /** A link of the page fetched with the browser's session, as the browser's download would. */
    private static String withCookies(Browser browser, String url) throws Exception {
        StringBuilder cookie = new StringBuilder();
        for (Cookie c : browser.driver().manage().getCookies()) {
            cookie.append(cookie.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue());
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookie.toString()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        return answer.body();
    }

    private static void waitFor(Browser browser, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(condition);
    }

    /** The page from its top (a form typed into is scrolled down), as docs/screenshots/<name>-<language>.png. */
    private static void shot(Browser browser, String name) {
        browser.driver().executeScript("window.scrollTo(0, 0)");
        browser.screenshot(name);
    }
}
