package tw.straitcheck.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.RawHttp;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * The reviewer pages over HTTP: the queue with its tabs and filters, the record with its versions,
 * flags and decision, who may open them, and that what a school typed is shown as text.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class ReviewPagesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private ReviewDesk desk;
    private RawHttp reviewer;

    @BeforeEach
    void desk() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        desk = new ReviewDesk(client, accounts);
        reviewer = new RawHttp(server.getURI()).as(desk.reviewer());
    }

    /** A page in English, as the language switch's cookie asks. */
    private RawHttp.Answer english(String path) {
        return reviewer.send("GET", path, null, null, "Cookie", "lang=en");
    }

    @Test
    void theQueueListsTheSchoolsFlaggedRecordWithItsHolderAndDays() {
        String receipt = desk.file(ReviewDesk.visiting(desk.registration(LocalDate.of(2026, 7, 5)), "紅色基地"));
        desk.post("/api/review/" + receipt + "/take", ReviewDesk.json("{}"));
        RawHttp.Answer queue = english("/review?tab=in-review&school=" + desk.school);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains(receipt, "1 flags", ReviewDesk.REVIEWER, "Days to departure", ">46<");
        RawHttp.Answer returned = reviewer.get("/review?tab=returned&school=" + desk.school);
        assertThat(returned.body()).doesNotContain(receipt);
        RawHttp.Answer bad = english("/review?school=" + desk.school + "&from=2026-13-01");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("field-error", "2026-13-01");
    }

    @Test
    void theRecordShowsItsFlagsFormsAndVersionsAndEscapesWhatTheSchoolTyped() {
        var registration = ReviewDesk.visiting(desk.registration(LocalDate.of(2026, 7, 5)), "紅色基地");
        registration.put("activityName", "<script>alert(1)</script>交流");
        String receipt = desk.file(registration);
        RawHttp.Answer page = english("/review/records/" + receipt);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Flags to mark (1)", "<mark>紅色基地</mark>", "Versions side by side (1)",
                "Record the decision", "Take this record", "&lt;script&gt;alert(1)&lt;/script&gt;交流")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void schoolsAndPolicyStaffDoNotOpenTheReviewPagesAndAWithdrawnRecordIsNotThere() {
        String receipt = desk.file(ReviewDesk.visiting(desk.registration(LocalDate.of(2026, 7, 5)), "紅色基地"));
        RawHttp school = new RawHttp(server.getURI()).as(desk.filer());
        assertThat(school.get("/review").status()).isEqualTo(403);
        assertThat(school.get("/review/records/" + receipt).status()).isEqualTo(403);
        RawHttp policy = new RawHttp(server.getURI()).as(accounts.bearer("pages-policy@moe.gov.tw", Role.POLICY_EDITOR, null));
        assertThat(policy.get("/review").status()).isEqualTo(403);
        assertThat(reviewer.get("/review/records/0000000-000000").status()).isEqualTo(404);
        desk.post("/api/submissions/" + receipt + "/withdraw", ReviewDesk.json("{}"));
        assertThat(reviewer.get("/review/records/" + receipt).status()).isEqualTo(404);
    }
}
