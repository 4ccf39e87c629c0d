package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import java.util.List;
import java.util.Map;
import tw.straitcheck.Fixtures;
import tw.straitcheck.PageSession;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * On 2026-05-20, a draft that no longer lists 紅色基地, on a database of its own with three stored
 * records: one flagged for 紅色基地 whose activity is still to come, one flagged the same whose
 * activity ended on 2026-05-01, and one with nothing to flag. Its impact shows exactly the first as
 * changed (the flag removed by CONTENT.POLITICAL, NEEDS_REVIEW → COMPLIANT); the second only when
 * all records are asked for. Only policy editors run it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImpactTest {

    private EmbeddedServer server;
    private Api api;
    private String editor;
    private String reviewer;
    private String open;
    private String ended;
    private long draft;

    @BeforeAll
    void threeStoredRecordsAndADraftWithoutRedBase() {
        server = PolicyTests.freshInstance("2026-05-20");
        api = new Api(server.getURL());
        TestAccounts accounts = server.getApplicationContext().getBean(TestAccounts.class);
        editor = accounts.bearer("policy@moe.gov.tw", Role.POLICY_EDITOR, null);
        reviewer = accounts.reviewer("reviewer@moe.gov.tw");
        String filer = accounts.filer("013301");
        ObjectNode flagged = Fixtures.compliantRegistration("013301");
        flagged.put("itineraryText", "參訪行程：紅色基地。");
        open = api.postAs(filer, "/api/submissions", flagged.toString()).json().get("receipt").asText();
        ended = api.postAs(filer, "/api/submissions", flagged.toString()).json().get("receipt").asText();
        api.postAs(filer, "/api/submissions", Fixtures.compliantRegistration("013301").toString());
        endActivity(ended, "2026-05-01");

        draft = api.postAs(editor, "/api/rulebook/drafts", "{\"reason\":\"紅色基地 is a research station\"}").json()
                .get("id").asLong();
        String path = "/api/rulebook/drafts/" + draft + "/files/lists/political-content.yaml";
        String list = api.get(editor, path).json().get("content").asText();
        assertThat(list).contains("  - 紅色基地\n");
        Api.Answer put = api.put(editor, path + "?reason=research+station",
                list.replace("  - 紅色基地\n", "").getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void onlyAPolicyEditorRunsOrReadsTheImpact() {
        assertThat(api.post(reviewer, "/api/rulebook/drafts/" + draft + "/impact", "").status()).isEqualTo(403);
        assertThat(api.get(reviewer, "/api/rulebook/drafts/" + draft + "/impact").status()).isEqualTo(403);
        assertThat(api.get(editor, "/api/rulebook/drafts/" + draft + "/impact").status()).as("none run yet").isEqualTo(404);
        assertThat(api.post(editor, "/api/rulebook/drafts/999999/impact", "").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void onThe20thOfMayTheDraftChangesOnlyTheFlaggedRecordWhoseActivityHasNotEnded() throws Exception {
        JsonNode run = runToTheEnd("");
        assertThat(run.get("total").asLong()).as(run.toString()).isEqualTo(2);
        assertThat(run.get("done").asLong()).isEqualTo(run.get("total").asLong());
        JsonNode summary = run.get("summary");
        assertThat(summary.get("checked").asLong()).isEqualTo(2);
        assertThat(summary.get("changed").asLong()).isEqualTo(1);
        assertThat(summary.get("notRecheckable").asLong()).isZero();
        assertThat(summary.get("byVerdictChange")).hasSize(1);
        assertThat(summary.get("byVerdictChange").get(0).get("before").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(summary.get("byVerdictChange").get(0).get("after").asText()).isEqualTo("COMPLIANT");

        assertThat(run.get("changed")).hasSize(1);
        JsonNode changed = run.get("changed").get(0);
        assertThat(changed.get("receipt").asText()).isEqualTo(open);
        assertThat(changed.get("verdictBefore").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(changed.get("verdictAfter").asText()).isEqualTo("COMPLIANT");
        assertThat(changed.get("changes")).hasSize(1);
        assertThat(changed.get("changes").get(0).get("change").asText()).isEqualTo("REMOVED");
        assertThat(changed.get("changes").get(0).get("ruleId").asText()).isEqualTo("CONTENT.POLITICAL");

        var page = inEnglish().get("/rulebook/drafts/" + draft);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Impact analysis", open, "CONTENT.POLITICAL", "2 records checked again, 1 would change")
                .doesNotContain("data-reload-after");
    }

    @Test
    @Order(3)
    void askedForAllRecordsTheOneWhoseActivityEndedChangesToo() throws Exception {
        JsonNode run = runToTheEnd("?all=true");
        assertThat(run.get("all").asBoolean()).isTrue();
        assertThat(run.get("total").asLong()).isEqualTo(3);
        assertThat(run.get("done").asLong()).isEqualTo(3);
        assertThat(run.get("summary").get("changed").asLong()).isEqualTo(2);
        assertThat(run.get("changed").findValuesAsText("receipt")).containsExactlyInAnyOrder(open, ended);
        JsonNode paged = api.get(editor, "/api/rulebook/drafts/" + draft + "/impact?page=2&size=1").json();
        assertThat(paged.get("pages").asInt()).isEqualTo(2);
        assertThat(paged.get("changed")).hasSize(1);
    }

    @Test
    @Order(4)
    void theDraftPageStartsARunWithItsFormAndShowsTheImpactInTheApprovalStep() throws Exception {
        PageSession session = inEnglish();
        var page = session.get("/rulebook/drafts/" + draft);
        assertThat(page.body()).contains("Run impact analysis", "Approve");
        var started = session.post("/rulebook/drafts/" + draft + "/impact", List.of(Map.entry("csrfToken", session.csrf(page))));
        assertThat(started.statusCode()).isEqualTo(303);
        JsonNode run;
        do {
            Thread.sleep(200);
            run = api.get(editor, "/api/rulebook/drafts/" + draft + "/impact").json();
        } while (run.get("state").asText().equals("RUNNING"));
        assertThat(run.get("all").asBoolean()).isFalse();
        String shown = session.get("/rulebook/drafts/" + draft).body();
        String approval = shown.substring(shown.indexOf("impact-in-approval"));
        assertThat(approval).contains("Last run finished", "2 records checked again, 1 would change");
    }

    /** The policy editor's page session, in English (?lang=en answers a redirect that keeps the language). */
    private PageSession inEnglish() {
        PageSession session = PageSession.loggedIn(server.getURL().toString(), "policy@moe.gov.tw");
        session.get("/rulebook/drafts?lang=en");
        return session;
    }

    /** Starts a run and follows its progress until it is no longer RUNNING; it must be DONE. */
    private JsonNode runToTheEnd(String query) throws InterruptedException {
        Api.Answer started = api.post(editor, "/api/rulebook/drafts/" + draft + "/impact" + query, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().get("runId").asText();
        long deadline = System.currentTimeMillis() + 600_000;
        JsonNode run;
        do {
            Thread.sleep(200);
            run = api.get(editor, "/api/rulebook/drafts/" + draft + "/impact").json();
            assertThat(run.get("runId").asText()).isEqualTo(runId);
            assertThat(run.get("done").asLong()).isLessThanOrEqualTo(Math.max(run.get("total").asLong(), 0));
        } while (run.get("state").asText().equals("RUNNING") && System.currentTimeMillis() < deadline);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("DONE");
        return run;
    }

    @SuppressWarnings("unchecked")
    private void endActivity(String receipt, String day) {
        TransactionOperations<Connection> tx = server.getApplicationContext().getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(
                    "UPDATE submission_record SET activity_end = ?::date WHERE receipt = ?")) {
                s.setString(1, day);
                s.setString(2, receipt);
                return s.executeUpdate();
            }
        });
    }
}
