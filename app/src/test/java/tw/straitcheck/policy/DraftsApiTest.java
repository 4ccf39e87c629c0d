package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * A policy editor's journey through the API, on a database of its own: a draft with a compile error
 * answers the file and line and cannot be approved; fixed, it runs the corpus; its author cannot
 * approve it, a second editor does; published, it judges the next check; a rollback brings the
 * earlier version back, also approved. Every step is in the append-only audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftsApiTest {

    private static final String BROKEN = """
            package tw.straitcheck.rules;

            rule "An extra rule being written"
            when
                NoSuchFact( )
            then
            end
            """;
    private static final String FIXED = """
            package tw.straitcheck.rules;

            rule "An extra rule being written"
            when
            then
            end
            """;

    private EmbeddedServer server;
    private Api api;
    private String author;
    private String second;
    private String reviewer;
    private long draft;
    private String firstVersion;

    @BeforeAll
    void anInstanceAndTwoPolicyEditors() {
        server = PolicyTests.freshInstance("2026-12-01");
        api = new Api(server.getURL());
        TestAccounts accounts = server.getApplicationContext().getBean(TestAccounts.class);
        author = accounts.bearer("author@moe.gov.tw", Role.POLICY_EDITOR, null);
        second = accounts.bearer("second@moe.gov.tw", Role.POLICY_EDITOR, null);
        reviewer = accounts.reviewer("reviewer@moe.gov.tw");
        firstVersion = api.get(author, "/api/rulebook/versions").json().get(0).get("version").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void aDraftIsACopyOfThePublishedVersionAndNeedsAReason() {
        assertThat(api.post(author, "/api/rulebook/drafts", "{}").status()).isEqualTo(422);
        assertThat(api.post(reviewer, "/api/rulebook/drafts", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        Api.Answer made = api.post(author, "/api/rulebook/drafts", "{\"reason\":\"act amended\"}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("state").asText()).isEqualTo("DRAFT");
        assertThat(made.json().get("version").asText()).isEqualTo(firstVersion);
        draft = made.json().get("id").asLong();
        JsonNode view = api.get(author, "/api/rulebook/drafts/" + draft).json();
        assertThat(view.get("files").toString()).contains("rulebase.yaml", "calendar/2026.csv");
    }

    @Test
    @Order(2)
    void aCompileErrorComesBackWithItsFileAndLineAndStopsTheApproval() {
        Api.Answer put = api.put(author, "/api/rulebook/drafts/" + draft + "/files/derived/Extra.drl?reason=new%20rule",
                BROKEN.getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("version").asText()).isNotEqualTo(firstVersion);
        JsonNode compiled = api.post(author, "/api/rulebook/drafts/" + draft + "/compile", "").json();
        assertThat(compiled.has("built")).as(compiled.toString()).isTrue();
        assertThat(compiled.get("built").asBoolean()).isFalse();
        JsonNode problem = compiled.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("derived/Extra.drl");
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("message").asText()).contains("NoSuchFact");
        Api.Answer refused = api.post(second, "/api/rulebook/drafts/" + draft + "/approve", "{\"reason\":\"ok\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("derived/Extra.drl:5");
    }

    @Test
    @Order(3)
    void theDiffShowsTheNewFile() {
        JsonNode diff = api.get(author, "/api/rulebook/drafts/" + draft + "/diff").json();
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).get("path").asText()).isEqualTo("derived/Extra.drl");
        assertThat(diff.get(0).get("change").asText()).isEqualTo("ADDED");
        assertThat(diff.get(0).get("lines").toString()).contains("+++ b/derived/Extra.drl", "+    NoSuchFact( )");
    }

    @Test
    @Order(4)
    void nextYearsCalendarIsUploadedAsPublishedInBig5AndStoredNormalised() {
        byte[] big5 = calendar(2027).getBytes(Charset.forName("Big5"));
        Api.Answer put = api.put(author, "/api/rulebook/drafts/" + draft + "/files/calendar/2027.csv?reason=2027",
                big5);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        Api.Answer stored = api.get(author, "/api/rulebook/drafts/" + draft + "/files/calendar/2027.csv");
        assertThat(stored.json().get("content").asText()).startsWith("\uFEFF西元日期,星期,是否放假,備註\n20270101,五,2,開國紀念日\n");
        Api.Answer wrongDay = api.put(author, "/api/rulebook/drafts/" + draft + "/files/calendar/2027.csv?reason=x",
                calendar(2027).replace("20270104,一", "20270104,二").getBytes(StandardCharsets.UTF_8));
        assertThat(wrongDay.status()).isEqualTo(422);
        assertThat(wrongDay.body()).contains("line 5", "20270104");
    }

    @Test
    @Order(5)
    void fixedItRunsTheCorpusAndItsAuthorCannotApproveIt() {
        api.put(author, "/api/rulebook/drafts/" + draft + "/files/derived/Extra.drl?reason=fixed",
                FIXED.getBytes(StandardCharsets.UTF_8));
        JsonNode compiled = api.post(author, "/api/rulebook/drafts/" + draft + "/compile", "").json();
        assertThat(compiled.get("built").asBoolean()).as(compiled.toString()).isTrue();
        JsonNode run = api.post(author, "/api/rulebook/drafts/" + draft + "/test", "").json();
        assertThat(run.get("passed").asInt()).isGreaterThan(50);
        assertThat(run.get("failed").asInt()).as("the cases that expect 2027 to have no calendar").isPositive();
        for (JsonNode c : run.get("cases")) {
            if (!c.get("passed").asBoolean()) {
                assertThat(c.get("differences").toString()).contains("missing CALENDAR.YEAR_NOT_LOADED");
            }
        }
        assertThat(api.delete(author, "/api/rulebook/drafts/" + draft + "/files/calendar/2027.csv?reason=not%20yet")
                .status()).isEqualTo(200);
        run = api.post(author, "/api/rulebook/drafts/" + draft + "/test", "").json();
        assertThat(run.get("failed").asInt()).as(run.toString()).isZero();
        assertThat(api.post(author, "/api/rulebook/drafts/" + draft + "/approve", "{\"reason\":\"ok\"}").status())
                .isEqualTo(403);
    }

    @Test
    @Order(6)
    void aSecondEditorApprovesAndThePublishedVersionJudgesTheNextCheck() throws Exception {
        Api.Answer approved = api.post(second, "/api/rulebook/drafts/" + draft + "/approve", "{\"reason\":\"read it\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(api.put(author, "/api/rulebook/drafts/" + draft + "/files/derived/Extra.drl?reason=late",
                FIXED.getBytes(StandardCharsets.UTF_8)).status()).as("approved: no more edits").isEqualTo(409);
        assertThat(api.post(second, "/api/rulebook/drafts/" + draft + "/publish",
                "{\"effectiveFrom\":\"2026-11-30\",\"reason\":\"x\"}").status()).isEqualTo(422);
        Api.Answer published = api.post(second, "/api/rulebook/drafts/" + draft + "/publish",
                "{\"effectiveFrom\":\"2026-12-01\",\"reason\":\"in force today\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String version = published.json().get("version").asText();
        server.getApplicationContext().getBean(LiveRulebases.class).refresh().get(60, TimeUnit.SECONDS);
        assertThat(checkedWith("2026-12-01")).isEqualTo(version);
        assertThat(checkedWith("2026-11-30")).isEqualTo(firstVersion);
    }

    @Test
    @Order(7)
    void aRollbackMakesTheEarlierVersionCurrentAgainOnceApproved() throws Exception {
        JsonNode versions = api.get(author, "/api/rulebook/versions").json();
        long first = versions.get(versions.size() - 1).get("id").asLong();
        Api.Answer rollback = api.post(author, "/api/rulebook/versions/" + first + "/rollback", "{\"reason\":\"undo\"}");
        assertThat(rollback.status()).isEqualTo(201);
        long id = rollback.json().get("id").asLong();
        assertThat(rollback.json().get("version").asText()).isEqualTo(firstVersion);
        assertThat(api.post(author, "/api/rulebook/drafts/" + id + "/approve", "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        assertThat(api.post(second, "/api/rulebook/drafts/" + id + "/approve", "{\"reason\":\"agreed\"}").status()).isEqualTo(200);
        assertThat(api.post(author, "/api/rulebook/drafts/" + id + "/publish",
                "{\"effectiveFrom\":\"2026-12-01\",\"reason\":\"rolled back\"}").status()).isEqualTo(200);
        server.getApplicationContext().getBean(LiveRulebases.class).refresh().get(60, TimeUnit.SECONDS);
        assertThat(checkedWith("2026-12-05")).isEqualTo(firstVersion);
    }

    @Test
    @Order(8)
    void everyStepIsInTheAuditLogWhichRefusesChanges() throws Exception {
        JsonNode audit = api.get(author, "/api/rulebook/audit").json();
        assertThat(audit.findValuesAsText("action")).contains("SEEDED", "DRAFT_CREATED", "FILE_EDITED", "APPROVED",
                "PUBLISHED", "ROLLBACK_DRAFTED");
        assertThat(audit.findValuesAsText("actor")).contains("author@moe.gov.tw", "second@moe.gov.tw");
        for (String sql : new String[] {"UPDATE rulebook_audit SET why = 'nothing'", "DELETE FROM rulebook_audit",
            "TRUNCATE rulebook_audit"}) {
            assertThatThrownBy(() -> transactions().executeWrite(status -> {
                try (Statement s = status.getConnection().createStatement()) {
                    return s.executeUpdate(sql);
                }
            })).as(sql).hasMessageContaining("append-only");
        }
    }

    @SuppressWarnings("unchecked")
    private TransactionOperations<Connection> transactions() {
        return server.getApplicationContext().getBean(TransactionOperations.class);
    }

    private String checkedWith(String asOf) {
        Api.Answer answer = api.post(null, "/api/checks?asOf=" + asOf, Fixtures.compliantRegistration("013301").toString());
        return answer.json().get("rulebaseVersion").asText();
    }

    /** A whole year as the government publishes it: Saturdays and Sundays off, and New Year's Day. */
    static String calendar(int year) {
        StringBuilder csv = new StringBuilder("西元日期,星期,是否放假,備註\r\n");
        String weekdays = "一二三四五六日";
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            int dow = d.getDayOfWeek().getValue();
            boolean off = dow >= 6 || d.getDayOfYear() == 1;
            csv.append(String.format("%04d%02d%02d", year, d.getMonthValue(), d.getDayOfMonth())).append(',')
                    .append(weekdays.charAt(dow - 1)).append(',').append(off ? "2" : "0").append(',')
                    .append(d.getDayOfYear() == 1 ? "開國紀念日" : "").append("\r\n");
        }
        return csv.toString();
    }
}
