package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.RulebaseLoader;

/**
 * A stored verdict replayed with its own version after three newer versions were published gives
 * the identical findings; replayed with the newest (which no longer lists 紅色基地) it shows the
 * flag that would go, with its rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayTest {

    private EmbeddedServer server;
    private Api api;
    private String editor;
    private String receipt;
    private String filedWith;
    private String newest;

    @BeforeAll
    void aFlaggedRecordAndThreeNewerVersions() throws Exception {
        server = PolicyTests.freshInstance("2026-05-20");
        api = new Api(server.getURL());
        TestAccounts accounts = server.getApplicationContext().getBean(TestAccounts.class);
        editor = accounts.bearer("policy@moe.gov.tw", Role.POLICY_EDITOR, null);
        ObjectNode flagged = Fixtures.compliantRegistration("013301");
        flagged.put("itineraryText", "參訪行程：紅色基地。");
        JsonNode filed = new Api(server.getURL()).postAs(accounts.filer("013301"), "/api/submissions", flagged.toString()).json();
        receipt = filed.get("receipt").asText();
        filedWith = filed.get("rulebaseVersion").asText();
        RuleFiles packaged = server.getApplicationContext().getBean(RuleFiles.class);
        PolicyTests.publish(server.getApplicationContext(), PolicyTests.relabelled(packaged, "2026.6.1"), LocalDate.of(2026, 6, 1));
        PolicyTests.publish(server.getApplicationContext(), PolicyTests.relabelled(packaged, "2026.7.1"), LocalDate.of(2026, 7, 1));
        Map<String, byte[]> files = new TreeMap<>(PolicyTests.relabelled(packaged, "2026.8.1").all());
        String list = new String(files.get("lists/political-content.yaml"), StandardCharsets.UTF_8);
        assertThat(list).contains("  - 紅色基地\n");
        files.put("lists/political-content.yaml", list.replace("  - 紅色基地\n", "").getBytes(StandardCharsets.UTF_8));
        RuleFiles withoutRedBase = RuleFiles.of("test", files);
        newest = RulebaseLoader.versionOf(withoutRedBase);
        PolicyTests.publish(server.getApplicationContext(), withoutRedBase, LocalDate.of(2026, 8, 1));
        server.getApplicationContext().getBean(LiveRulebases.class).refresh().get(180, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void replayedWithItsOwnVersionTheFindingsAreIdentical() {
        Api.Answer replay = api.post(editor, "/api/rulebook/replay/" + receipt, "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        JsonNode r = replay.json();
        assertThat(r.get("storedRulebaseVersion").asText()).isEqualTo(filedWith);
        assertThat(r.get("replayedRulebaseVersion").asText()).isEqualTo(filedWith);
        assertThat(r.get("identical").asBoolean()).isTrue();
        assertThat(r.get("changes")).isEmpty();
        assertThat(r.get("replayedVerdict").asText()).isEqualTo(r.get("storedVerdict").asText()).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void replayedWithTheNewestVersionTheFlagThatWouldGoIsListedWithItsRule() {
        JsonNode r = api.post(editor, "/api/rulebook/replay/" + receipt + "?version="
                + java.net.URLEncoder.encode(newest, StandardCharsets.UTF_8), "").json();
        assertThat(r.get("replayedRulebaseVersion").asText()).isEqualTo(newest);
        assertThat(r.get("identical").asBoolean()).isFalse();
        assertThat(r.get("changes").findValuesAsText("change")).containsOnly("REMOVED");
        assertThat(r.get("changes").findValuesAsText("ruleId")).contains("CONTENT.POLITICAL");
    }

    @Test
    void aReviewersFalsePositiveBecomesACaseOfADraftThatFailsUntilTheRulesChange() {
        TestAccounts accounts = server.getApplicationContext().getBean(TestAccounts.class);
        String reviewer = accounts.reviewer("reviewer@moe.gov.tw");
        JsonNode record = api.get(reviewer, "/api/submissions/" + receipt).json();
        long flag = 0;
        for (JsonNode f : record.get("versions").get(0).get("findings")) {
            if (f.get("ruleId").asText().equals("CONTENT.POLITICAL")) {
                flag = f.get("id").asLong();
            }
        }
        assertThat(flag).isPositive();
        long draft = api.postAs(editor, "/api/rulebook/drafts", "{\"reason\":\"red base\"}").json().get("id").asLong();
        assertThat(api.post(reviewer, "/api/rulebook/drafts/" + draft + "/cases/false-positive/" + flag, "").status())
                .as("not marked yet").isEqualTo(404);
        api.postAs(reviewer, "/api/review/" + receipt + "/findings/" + flag,
                "{\"state\":\"FALSE_POSITIVE\",\"note\":\"紅色基地為研究站之名\"}");
        Api.Answer added = api.post(reviewer, "/api/rulebook/drafts/" + draft + "/cases/false-positive/" + flag, "");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode view = api.get(editor, "/api/rulebook/drafts/" + draft).json();
        String name = "false-positive-" + receipt + "-" + flag + ".yaml";
        assertThat(view.get("cases").toString()).contains(name);
        JsonNode run = api.post(editor, "/api/rulebook/drafts/" + draft + "/test", "").json();
        JsonNode own = null;
        for (JsonNode c : run.get("cases")) {
            if (c.get("file").asText().equals("draft/" + name)) {
                own = c;
            }
        }
        assertThat(own).isNotNull();
        assertThat(own.get("passed").asBoolean()).isFalse();
        assertThat(own.get("differences").toString()).contains("unexpected CONTENT.POLITICAL");
    }

    @Test
    void anUnknownReceiptOrVersionIsNotFound() {
        assertThat(api.post(editor, "/api/rulebook/replay/1150101-999999", "").status()).isEqualTo(404);
        assertThat(api.post(editor, "/api/rulebook/replay/" + receipt + "?version=0.0+0000000", "").status()).isEqualTo(404);
    }
}
