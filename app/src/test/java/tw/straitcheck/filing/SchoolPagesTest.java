package tw.straitcheck.filing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.MutableClock;
import tw.straitcheck.PageSession;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;
import tw.straitcheck.records.SchoolRecords;

/**
 * The school pages over real HTTP, as a browser posts them: the pre-check stores nothing, field
 * errors come back next to their fields with what was typed (escaped), "register" files once
 * however often it is pressed, another school's record is no record, the calendar parses.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class SchoolPagesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    SchoolRecords records;

    @Inject
    MutableClock clock;

    @Inject
    tw.straitcheck.records.RecordMoves moves;

    private String school;
    private PageSession page;

    @BeforeEach
    void aSchoolUserLoggedIn() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        school = "P" + UUID.randomUUID().toString().substring(0, 6);
        String user = "pages-" + school + "@school.edu.tw";
        accounts.bearer(user, Role.SCHOOL_USER, school);
        page = PageSession.loggedIn(server.getURL().toString(), user);
    }

    private List<Map.Entry<String, String>> form(FormValues values) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        values.asMap().forEach((name, all) -> all.forEach(v -> entries.add(Map.entry(name, v))));
        entries.add(Map.entry("csrfToken", page.csrf()));
        return entries;
    }

    private FormValues compliant() {
        return RegistrationForm.fromJson(Fixtures.compliantRegistration(school)).set("idempotencyKey",
                UUID.randomUUID().toString());
    }

    private long stored() {
        long all = 0;
        for (SchoolRecords.Group g : SchoolRecords.Group.values()) {
            all += records.page(school, g, 0, 1).total();
        }
        return all;
    }

    @Test
    void thePreCheckShowsTheVerdictAndStoresNothing() {
        assertThat(page.get("/school/check").body()).contains("name=\"activityName\"", "name=\"leaders[0].civilServant\"");
        HttpResponse<String> checked = page.post("/school/check", form(compliant()));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("verdict-COMPLIANT", "尚未登錄", "OBL.POST_ACTIVITY_REPORT", "2026/08/11");
        assertThat(stored()).isZero();
    }

    @Test
    void fieldErrorsComeBackNextToTheirFieldsWithWhatWasTypedShownAsText() {
        FormValues typed = compliant().set("activityName", "<script>alert(1)</script>").set("participants.students", "many")
                .remove("activityPeriod.end");
        HttpResponse<String> refused = page.post("/school/check", form(typed));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).doesNotContain("<script>alert(1)</script>")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", "value=\"many\"", "class=\"field-error\"");
        page.get("/school/check?lang=en");
        HttpResponse<String> english = page.post("/school/check", form(typed));
        assertThat(english.body()).contains("required", "Pre-check");
        assertThat(stored()).isZero();
    }

    @Test
    void registerFilesWhatWasCheckedOnceHoweverOftenItIsPressed() {
        List<Map.Entry<String, String>> sent = form(compliant());
        HttpResponse<String> first = page.post("/school/register", sent);
        HttpResponse<String> again = page.post("/school/register", sent);
        assertThat(first.statusCode()).isEqualTo(303);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(again.headers().firstValue("Location")).contains(location);
        assertThat(stored()).isEqualTo(1);

        HttpResponse<String> filed = page.get(location);
        String receipt = location.split("/")[3];
        assertThat(filed.statusCode()).isEqualTo(200);
        assertThat(filed.body()).contains(receipt, TestAccounts.filerName(school).isEmpty() ? "" : "pages-" + school);
        assertThat(page.get("/school/records").body()).contains(receipt, "待事後登錄");
        assertThat(page.get("/school/records/" + receipt).body()).contains("2026/08/11", "obligations.ics", "record.pdf");
    }

    @Test
    void anotherSchoolsRecordIsNoRecord() {
        String location = page.post("/school/register", form(compliant())).headers().firstValue("Location").orElseThrow();
        String receipt = location.split("/")[3];
        String other = "other-" + school + "@school.edu.tw";
        accounts.bearer(other, Role.SCHOOL_USER, "Q" + school);
        PageSession otherSchool = PageSession.loggedIn(server.getURL().toString(), other);
        for (String path : List.of("", "/filed", "/change", "/report", "/withdraw", "/obligations.ics", "/correct")) {
            assertThat(otherSchool.get("/school/records/" + receipt + path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(otherSchool.get("/school/records").body()).doesNotContain(receipt);
    }

    @Test
    void theObligationsCalendarHasOneAllDayEventPerDueDateWithItsCitation() throws Exception {
        String location = page.post("/school/register", form(compliant())).headers().firstValue("Location").orElseThrow();
        String receipt = location.split("/")[3];
        HttpResponse<String> ics = page.get("/school/records/" + receipt + "/obligations.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).isNotEmpty();
        VEvent report = events.stream().filter(e -> e.getUid().orElseThrow().getValue().contains("OBL.POST_ACTIVITY_REPORT"))
                .findFirst().orElseThrow();
        assertThat(report.getUid().orElseThrow().getValue()).startsWith(receipt + "-OBL.POST_ACTIVITY_REPORT");
        assertThat(report.getDateTimeStart().getValue()).isEqualTo("20260811");
        assertThat(report.getDescription().getValue()).contains("1個月內");
        assertThat(report.getSummary().getValue()).contains("事後登錄");
        assertThat(page.get("/school/records/" + receipt + "/obligations.ics").body().replaceAll("DTSTAMP:.*", ""))
                .as("the same file each time").isEqualTo(ics.body().replaceAll("DTSTAMP:.*", ""));
    }

    @Test
    void aWithdrawalAsksFirstAndAStalePageGetsTheRecordAsItStandsNow() {
        FormValues flagged = compliant().set("itineraryText", "參訪行程：紅色基地。");
        String receipt = page.post("/school/register", form(flagged)).headers().firstValue("Location").orElseThrow()
                .split("/")[3];
        HttpResponse<String> asks = page.get("/school/records/" + receipt + "/withdraw");
        assertThat(asks.body()).contains("確定要撤回案件");
        List<Map.Entry<String, String>> stale = List.of(Map.entry("csrfToken", page.csrf()), Map.entry("lockVersion", "99"));
        HttpResponse<String> conflict = page.post("/school/records/" + receipt + "/withdraw", stale);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("案件目前狀態", "審查中");
        String lockVersion = asks.body().replaceAll("(?s).*name=\"lockVersion\" value=\"(\\d+)\".*", "$1");
        HttpResponse<String> withdrawn = page.post("/school/records/" + receipt + "/withdraw",
                List.of(Map.entry("csrfToken", page.csrf()), Map.entry("lockVersion", lockVersion),
                        Map.entry("reason", "活動取消")));
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(page.get("/school/records/" + receipt).body()).contains("已撤回", "活動取消");
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        List<Map.Entry<String, String>> forged = new ArrayList<>(form(compliant()));
        forged.removeIf(e -> e.getKey().equals("csrfToken"));
        assertThat(page.post("/school/register", forged).statusCode()).isEqualTo(403);
        assertThat(stored()).isZero();
    }

    private String registered(FormValues values) {
        return page.post("/school/register", form(values)).headers().firstValue("Location").orElseThrow().split("/")[3];
    }

    @Test
    void aPdfItineraryIsCheckedLikeTypedTextAndKeptWithTheRegistration() throws Exception {
        byte[] pdf = TestPdfs.withText("參訪行程：紅色基地");
        FormValues values = compliant().remove("itineraryText");
        HttpResponse<String> checked = page.postMultipart("/school/check", form(values), "itinerary", "行程.pdf", pdf);
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("CONTENT.POLITICAL", "<mark>");
        assertThat(stored()).isZero();
        HttpResponse<String> filed = page.postMultipart("/school/register", form(values), "itinerary", "行程.pdf", pdf);
        assertThat(filed.statusCode()).isEqualTo(303);
        String receipt = filed.headers().firstValue("Location").orElseThrow().split("/")[3];
        assertThat(page.get("/school/records/" + receipt).body()).contains("行程.pdf", "/attachments/");
        HttpResponse<String> notPdf = page.postMultipart("/school/check", form(values), "itinerary", "x.pdf",
                "not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notPdf.statusCode()).isEqualTo(422);
        assertThat(notPdf.body()).contains("class=\"field-error\"");
    }

    @Test
    void theFormsOfARecordShowTheirErrorsAgainWithWhatWasTyped() {
        String receipt = registered(compliant());
        String csrf = page.csrf();
        HttpResponse<String> report = page.post("/school/records/" + receipt + "/report", List.of(
                Map.entry("csrfToken", csrf), Map.entry("held", "HELD"), Map.entry("actualStudents", "twenty"),
                Map.entry("reflections", "<b>好</b>")));
        assertThat(report.statusCode()).isEqualTo(422);
        assertThat(report.body()).contains("value=\"twenty\"", "&lt;b&gt;好&lt;/b&gt;", "class=\"field-error\"");
        HttpResponse<String> announcement = page.post("/school/records/" + receipt + "/announcement", List.of(
                Map.entry("csrfToken", csrf), Map.entry("activityName", "陸方研習營公告")));
        assertThat(announcement.statusCode()).isEqualTo(422);
        assertThat(announcement.body()).contains("value=\"陸方研習營公告\"", "class=\"field-error\"");
        FormValues change = RegistrationForm.fromJson(Fixtures.compliantRegistration(school))
                .set("changeOccurredOn", "someday").set("participants.students", "25");
        HttpResponse<String> changed = page.post("/school/records/" + receipt + "/change", form(change));
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(changed.body()).contains("value=\"someday\"", "value=\"25\"");
        assertThat(page.get("/school/records/" + receipt).body()).doesNotContain("變更通報</td>");
    }

    @Test
    void aReturnedRecordIsCorrectedFromItsPageWithTheReviewersComment() {
        FormValues flagged = compliant().set("activityName", "<script>alert(1)</script>")
                .set("itineraryText", "參訪行程：紅色基地。");
        String receipt = registered(flagged);
        moves.move(receipt, tw.straitcheck.records.RecordMoves.Move.RETURN, "reviewer@moe.gov.tw",
                "請刪除「紅色基地」行程", null);
        String todo = page.get("/school/records").body();
        assertThat(todo).contains("請刪除「紅色基地」行程", "/school/records/" + receipt + "/correct")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
        HttpResponse<String> correction = page.get("/school/records/" + receipt + "/correct");
        assertThat(correction.body()).contains("參訪行程：紅色基地。", "修正後重新送出");
        FormValues corrected = RegistrationForm.fromJson(Fixtures.compliantRegistration(school))
                .set("lockVersion", correction.body().replaceAll("(?s).*name=\"lockVersion\" value=\"(\\d+)\".*", "$1"));
        HttpResponse<String> sent = page.post("/school/records/" + receipt + "/correct", form(corrected));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).contains("/school/records/" + receipt + "?filed=correct");
        String record = page.get(sent.headers().firstValue("Location").orElseThrow()).body();
        assertThat(record).contains("修正資料已重新送出", "已受理", "修正後重新送出");
    }
}
