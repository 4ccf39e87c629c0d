package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Browser;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * A reviewer's mistake taught to the corpus in a real browser, on 2026-05-20: a flag for 紅色基地
 * marked FALSE_POSITIVE is listed on the false-positives page; the policy editor chooses a draft,
 * clicks once, and the draft page shows the case among those kept with it; the corpus run shows it
 * failing until the draft stops raising the flag. Screenshots in both languages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FalsePositivesBrowserTest {

    private EmbeddedServer server;
    private String receipt;
    private long flag;
    private long draft;

    @BeforeAll
    void aFlagMarkedFalsePositiveAndTwoOpenDrafts() {
        server = PolicyTests.freshInstance("2026-05-20");
        TestAccounts accounts = server.getApplicationContext().getBean(TestAccounts.class);
        String editor = accounts.bearer("author@moe.gov.tw", Role.POLICY_EDITOR, null);
        String reviewer = accounts.reviewer("reviewer@moe.gov.tw");
        Api api = new Api(server.getURL());
        ObjectNode redBase = Fixtures.compliantRegistration("013301");
        redBase.put("itineraryText", "參訪行程：紅色基地。");
        receipt = api.postAs(accounts.filer("013301"), "/api/submissions", redBase.toString()).json().get("receipt").asText();
        for (JsonNode f : api.get(reviewer, "/api/submissions/" + receipt).json().get("versions").get(0).get("findings")) {
            if (f.get("ruleId").asText().equals("CONTENT.POLITICAL")) {
                flag = f.get("id").asLong();
            }
        }
        api.postAs(reviewer, "/api/review/" + receipt + "/findings/" + flag,
                "{\"state\":\"FALSE_POSITIVE\",\"note\":\"紅色基地為南極研究站之名，非政治用語\"}");
        api.postAs(editor, "/api/rulebook/drafts", "{\"reason\":\"其他修正\"}");
        draft = api.postAs(editor, "/api/rulebook/drafts", "{\"reason\":\"紅色基地之誤判\"}").json().get("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aFlagMarkedFalsePositiveIsAddedToTheChosenDraftInOneClickAndTheDraftPageShowsTheCase() {
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.logIn("author@moe.gov.tw", TestAccounts.PASSWORD);
            browser.go("/rulebook/lists");
            browser.click("a[href='/rulebook/false-positives']");
            assertThat(browser.path()).isEqualTo("/rulebook/false-positives");
            assertThat(browser.text()).contains("誤判標記", receipt, "CONTENT.POLITICAL", "紅色基地", "reviewer@moe.gov.tw",
                    "紅色基地為南極研究站之名", "2026/05/", "草案 " + draft + "：紅色基地之誤判", "加入草案");
            browser.screenshot("rulebook-false-positives");
            browser.language("en");
            assertThat(browser.text()).contains("False positives", "Matched word", "Marked by, at",
                    "Draft " + draft + ": 紅色基地之誤判", "Add to draft");
            browser.screenshot("rulebook-false-positives");
            browser.language("zh-TW");

            new org.openqa.selenium.support.ui.Select(browser.find("#draft-" + flag)).selectByValue(String.valueOf(draft));
            browser.click("#finding-" + flag + " form button");
            String name = "false-positive-" + receipt + "-" + flag + ".yaml";
            browser.shows("本草案之案例（1 件）");
            assertThat(browser.path()).isEqualTo("/rulebook/drafts/" + draft + "#cases");
            assertThat(browser.text()).contains(name);

            browser.click("form[action$='/test'] button");
            browser.shows("案例集結果");
            assertThat(browser.find("#cases").getText()).contains(name, "未通過", "unexpected CONTENT.POLITICAL");
            browser.driver().executeScript("document.querySelector('#cases details').open = true");
            browser.screenshot("rulebook-draft-cases");
            browser.go("/rulebook/drafts/" + draft).language("en");
            assertThat(browser.find("#cases").getText()).contains("Cases kept with this draft (1)", name, "Remove");
            browser.driver().executeScript("document.querySelector('#cases details').open = true");
            browser.screenshot("rulebook-draft-cases");
        }
    }
}
