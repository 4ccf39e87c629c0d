package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.straitcheck.Fixtures;
import tw.straitcheck.PageSession;
import tw.straitcheck.PolicyDatabases;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * On 2026-05-20, two instances on one database (as behind a load balancer), two stored records
 * (one flagged for 紅色基地, one with nothing to flag) and drafts that no longer list 紅色基地: a
 * run started on one instance is followed and read on the other, and is the only one for its draft
 * on both; a run is cancelled from the other instance and its worker stops without keeping a
 * result; a run left RUNNING by an instance that stopped is marked interrupted by the next one to
 * start, while one whose instance is alive is left running. Each draft's files, its DRL among them,
 * are new to the instances (the packaged DRL is compiled when the jar is built), so that compiling
 * it keeps the run RUNNING for the seconds the test needs to see it running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImpactRunsTest {

    private static final Duration WITHIN = Duration.ofSeconds(300);

    private Map<String, Object> database;
    private EmbeddedServer first;
    private EmbeddedServer second;
    private Api onFirst;
    private Api onSecond;
    private String editor;
    private String flagged;
    private long followed;

    @BeforeAll
    void twoInstancesOnOneDatabaseWithTwoStoredRecords() {
        database = PolicyDatabases.fresh();
        first = PolicyTests.instance(database, "2026-05-20");
        second = PolicyTests.instance(database, "2026-05-20");
        onFirst = new Api(first.getURL());
        onSecond = new Api(second.getURL());
        TestAccounts accounts = first.getApplicationContext().getBean(TestAccounts.class);
        editor = accounts.bearer("policy@moe.gov.tw", Role.POLICY_EDITOR, null);
        String filer = accounts.filer("013301");
        ObjectNode redBase = Fixtures.compliantRegistration("013301");
        redBase.put("itineraryText", "參訪行程：紅色基地。");
        flagged = onFirst.postAs(filer, "/api/submissions", redBase.toString()).json().get("receipt").asText();
        onFirst.postAs(filer, "/api/submissions", Fixtures.compliantRegistration("013301").toString());
        followed = draftWithoutRedBase("followed");
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    @Test
    @Order(1)
    void aRunStartedOnOneInstanceShowsItsProgressAndItsResultOnTheOtherAndIsTheOnlyOneForItsDraft() {
        Api.Answer started = onFirst.post(editor, "/api/rulebook/drafts/" + followed + "/impact", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().get("runId").asText();

        JsonNode running = onSecond.get(editor, "/api/rulebook/drafts/" + followed + "/impact").json();
        assertThat(running.get("runId").asText()).isEqualTo(runId);
        assertThat(running.get("state").asText()).as("the draft is being built").isEqualTo("RUNNING");
        Api.Answer again = onSecond.post(editor, "/api/rulebook/drafts/" + followed + "/impact", "");
        assertThat(again.status()).as("one run per draft, whichever instance is asked").isEqualTo(409);
        String page = inEnglish(second).get("/rulebook/drafts/" + followed).body();
        assertThat(page).contains("impact-progress", "Cancel the analysis", "data-reload-after");

        JsonNode done = awaitState(onSecond, followed, state -> !state.equals("RUNNING"));
        assertThat(done.get("runId").asText()).isEqualTo(runId);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("done").asLong()).isEqualTo(2);
        assertThat(done.get("total").asLong()).isEqualTo(2);
        assertThat(done.get("summary").get("changed").asLong()).isEqualTo(1);
        assertThat(done.get("changed")).hasSize(1);
        JsonNode changed = done.get("changed").get(0);
        assertThat(changed.get("receipt").asText()).isEqualTo(flagged);
        assertThat(changed.get("verdictBefore").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(changed.get("verdictAfter").asText()).isEqualTo("COMPLIANT");
        assertThat(changed.get("changes").get(0).get("ruleId").asText()).isEqualTo("CONTENT.POLITICAL");
        assertThat(onFirst.get(editor, "/api/rulebook/drafts/" + followed + "/impact").json()).isEqualTo(done);

        String shown = inEnglish(second).get("/rulebook/drafts/" + followed).body();
        assertThat(shown).contains(flagged, "CONTENT.POLITICAL", "2 records checked again, 1 would change",
                "records whose activity has not ended before 2026/05/20").doesNotContain("data-reload-after");
        assertThat(shown.substring(shown.indexOf("impact-in-approval"))).contains(flagged, "CONTENT.POLITICAL");
    }

    @Test
    @Order(2)
    void aRunCancelledOnTheOtherInstanceStopsOnItsOwnWithoutKeepingAResultAndTheDraftCanBeRunAgain() throws Exception {
        long draft = draftWithoutRedBase("cancelled through the API");
        Api.Answer started = onFirst.post(editor, "/api/rulebook/drafts/" + draft + "/impact", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        Api.Answer cancelled = onSecond.post(editor, "/api/rulebook/drafts/" + draft + "/impact/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("runId").asText()).isEqualTo(started.json().get("runId").asText());
        assertThat(cancelled.json().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(onSecond.post(editor, "/api/rulebook/drafts/" + draft + "/impact/cancel", "").status())
                .as("nothing runs any more").isEqualTo(409);
        assertThat(onSecond.post(editor, "/api/rulebook/drafts/999999/impact/cancel", "").status()).isEqualTo(404);

        // the first instance's worker builds the draft, sees at a progress write that it was cancelled, and stops
        Thread.sleep(5_000);
        JsonNode after = onFirst.get(editor, "/api/rulebook/drafts/" + draft + "/impact").json();
        assertThat(after.get("state").asText()).as(after.toString()).isEqualTo("CANCELLED");
        assertThat(after.get("finishedAt").isNull()).isFalse();
        assertThat(after.get("summary").isNull()).isTrue();
        assertThat(after.get("changed")).isEmpty();
        assertThat(inEnglish(first).get("/rulebook/drafts/" + draft).body()).contains("was cancelled at", "nothing of it is kept")
                .contains("Run impact analysis").doesNotContain("data-reload-after");
        assertThat(PageSession.loggedIn(first.getURL().toString(), "policy@moe.gov.tw").get("/rulebook/drafts/" + draft).body())
                .contains("取消（已檢核");

        Api.Answer rerun = onFirst.post(editor, "/api/rulebook/drafts/" + draft + "/impact", "");
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
        assertThat(awaitState(onSecond, draft, state -> !state.equals("RUNNING")).get("state").asText()).isEqualTo("DONE");
    }

    @Test
    @Order(3)
    void theDraftPageCancelsARunningRunWithItsButton() {
        long draft = draftWithoutRedBase("cancelled on the page");
        PageSession session = inEnglish(second);
        var page = session.get("/rulebook/drafts/" + draft);
        var started = session.post("/rulebook/drafts/" + draft + "/impact", List.of(Map.entry("csrfToken", session.csrf(page))));
        assertThat(started.statusCode()).isEqualTo(303);
        var running = session.get("/rulebook/drafts/" + draft);
        assertThat(running.body()).contains("Cancel the analysis", "impact-progress");

        var refused = session.post("/rulebook/drafts/" + draft + "/impact/cancel", List.of(Map.entry("csrfToken", "forged")));
        assertThat(refused.statusCode()).as("the form is CSRF-protected").isEqualTo(403);
        var cancelled = session.post("/rulebook/drafts/" + draft + "/impact/cancel",
                List.of(Map.entry("csrfToken", session.csrf(running))));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(session.get("/rulebook/drafts/" + draft).body()).contains("was cancelled at").doesNotContain("impact-progress");
        var nothingRuns = session.post("/rulebook/drafts/" + draft + "/impact/cancel",
                List.of(Map.entry("csrfToken", session.csrf(running))));
        assertThat(nothingRuns.statusCode()).isEqualTo(409);
        assertThat(nothingRuns.body()).contains("No impact analysis of this draft is running.");
    }

    @Test
    @Order(4)
    void aRunLeftRunningByAStoppedInstanceIsMarkedInterruptedByTheNextToStartAndOneStillHeartbeatingIsNot() {
        long orphaned = draftWithoutRedBase("its instance stopped");
        long alive = draftWithoutRedBase("its instance is alive");
        // as instances leave them: the one stopped two minutes ago; the other's is alive, it writes its progress every second
        storeRunning(orphaned, "2 minutes");
        storeRunning(alive, "1 second");
        assertThat(onFirst.get(editor, "/api/rulebook/drafts/" + orphaned + "/impact").json().get("state").asText())
                .isEqualTo("RUNNING");
        ScheduledExecutorService aliveInstance = Executors.newSingleThreadScheduledExecutor();
        aliveInstance.scheduleWithFixedDelay(() -> heartbeat(alive), 1, 1, TimeUnit.SECONDS);

        try (EmbeddedServer third = PolicyTests.instance(database, "2026-05-20")) {
            Api onThird = new Api(third.getURL());
            JsonNode interrupted = awaitState(onThird, orphaned, state -> !state.equals("RUNNING"));
            assertThat(interrupted.get("state").asText()).isEqualTo("FAILED");
            assertThat(interrupted.get("failure").asText()).isEqualTo("interrupted");
            assertThat(onThird.get(editor, "/api/rulebook/drafts/" + alive + "/impact").json().get("state").asText())
                    .as("its heartbeat is recent").isEqualTo("RUNNING");
            assertThat(onThird.get(editor, "/api/rulebook/drafts/" + followed + "/impact").json().get("state").asText())
                    .as("an instance that started after it ran shows the last run").isEqualTo("DONE");

            String zh = PageSession.loggedIn(third.getURL().toString(), "policy@moe.gov.tw").get("/rulebook/drafts/" + orphaned)
                    .body();
            assertThat(zh).contains("開始之影響分析已中斷", "執行影響分析").doesNotContain("data-reload-after");
            assertThat(inEnglish(third).get("/rulebook/drafts/" + orphaned).body()).contains("was interrupted");
            assertThat(onThird.post(editor, "/api/rulebook/drafts/" + orphaned + "/impact", "").status())
                    .as("an interrupted run holds its draft no more").isEqualTo(202);
            assertThat(onThird.post(editor, "/api/rulebook/drafts/" + alive + "/impact/cancel", "").status()).isEqualTo(200);
            awaitState(onThird, orphaned, state -> !state.equals("RUNNING"));
        } finally {
            aliveInstance.shutdownNow();
        }
    }

    /** A draft without 紅色基地, with a comment of its own so that its files (and version) are new to the instances. */
    private long draftWithoutRedBase(String why) {
        long draft = onFirst.postAs(editor, "/api/rulebook/drafts", "{\"reason\":\"" + why + "\"}").json().get("id").asLong();
        String path = "/api/rulebook/drafts/" + draft + "/files/lists/political-content.yaml";
        String list = onFirst.get(editor, path).json().get("content").asText();
        assertThat(list).contains("  - 紅色基地\n");
        Api.Answer put = onFirst.put(editor, path + "?reason=research+station",
                ("# " + why + "\n" + list.replace("  - 紅色基地\n", "")).getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        String drl = "/api/rulebook/drafts/" + draft + "/files/calendar/CalendarYearNotLoaded.drl";
        String rule = onFirst.get(editor, drl).json().get("content").asText();
        Api.Answer comment = onFirst.put(editor, drl + "?reason=research+station",
                (rule + "\n// " + why + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        return draft;
    }

    @SuppressWarnings("unchecked")
    private void storeRunning(long draft, String silentFor) {
        TransactionOperations<Connection> tx = first.getApplicationContext().getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement("INSERT INTO impact_run (run_id, draft_id,"
                    + " state, all_records, today, done, total, started_at, instance_id, heartbeat_at)"
                    + " VALUES (?, ?, 'RUNNING', false, DATE '2026-05-20', 1, 2, now() - interval '5 minutes', ?,"
                    + " now() - CAST(? AS interval))")) {
                s.setObject(1, UUID.randomUUID());
                s.setLong(2, draft);
                s.setObject(3, UUID.randomUUID());
                s.setString(4, silentFor);
                return s.executeUpdate();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void heartbeat(long draft) {
        TransactionOperations<Connection> tx = first.getApplicationContext().getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(
                    "UPDATE impact_run SET heartbeat_at = now() WHERE draft_id = ? AND state = 'RUNNING'")) {
                s.setLong(1, draft);
                return s.executeUpdate();
            }
        });
    }

    private static PageSession inEnglish(EmbeddedServer server) {
        PageSession session = PageSession.loggedIn(server.getURL().toString(), "policy@moe.gov.tw");
        session.get("/rulebook/drafts?lang=en");
        return session;
    }

    /** Reads the draft's last run until its state is as asked, with done never past total. */
    private JsonNode awaitState(Api api, long draft, Predicate<String> state) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            Api.Answer answer = api.get(editor, "/api/rulebook/drafts/" + draft + "/impact");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode run = answer.json();
            assertThat(run.get("done").asLong()).isLessThanOrEqualTo(run.get("total").asLong());
            if (state.test(run.get("state").asText())) {
                return run;
            }
            assertThat(System.nanoTime()).as("the run is not as asked within " + WITHIN + ": " + run).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
