package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Browser;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * The policy editor's journey in a real browser, on 2026-05-20, on a database of its own with three
 * stored records (two flagged for 紅色基地 by CONTENT.POLITICAL, one with nothing to flag): a draft
 * with a compile error shows the problem at its line; fixed, it compiles and runs the corpus; with
 * 紅色基地 taken off its list, its impact analysis shows its progress, then the two flagged records
 * going NEEDS_REVIEW → COMPLIANT and the rule behind it; a second editor sees that impact in the
 * approval step, approves it and publishes it; the audit log shows every step. Screenshots in both
 * languages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulebookBrowserTest {

    private static final String BROKEN = "package tw.straitcheck.rules;\n\nrule \"An extra rule being written\"\nwhen\n"
            + "    NoSuchFact( )\nthen\nend\n";
    private static final String FIXED = "package tw.straitcheck.rules;\n\nrule \"An extra rule being written\"\nwhen\nthen\nend\n";

    private EmbeddedServer server;
    private final List<String> flagged = new ArrayList<>();

    @BeforeAll
    void anInstanceTwoPolicyEditorsAndThreeStoredRecords() {
        server = PolicyTests.freshInstance("2026-05-20");
        TestAccounts accounts = server.getApplicationContext().getBean(TestAccounts.class);
        accounts.bearer("author@moe.gov.tw", Role.POLICY_EDITOR, null);
        accounts.bearer("second@moe.gov.tw", Role.POLICY_EDITOR, null);
        Api api = new Api(server.getURL());
        String filer = accounts.filer("013301");
        ObjectNode redBase = Fixtures.compliantRegistration("013301");
        redBase.put("itineraryText", "參訪行程：紅色基地。");
        for (int i = 0; i < 2; i++) {
            flagged.add(api.postAs(filer, "/api/submissions", redBase.toString()).json().get("receipt").asText());
        }
        api.postAs(filer, "/api/submissions", Fixtures.compliantRegistration("013301").toString());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aDraftIsEditedCompiledTestedItsImpactShownApprovedByASecondEditorWhoSeesThatImpactAndPublished() {
        String draftPath;
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.logIn("author@moe.gov.tw", TestAccounts.PASSWORD);
            browser.shows("author@moe.gov.tw，您好");
            browser.go("/rulebook/drafts");
            assertThat(browser.text()).contains("規則庫草案", "目前沒有草案");
            browser.type("reason", "新增規則").click("form[action='/rulebook/drafts'] button");
            browser.shows("規則庫草案 ");
            assertThat(browser.path()).matches("/rulebook/drafts/\\d+");
            draftPath = browser.path();

            browser.type("path", "derived/Extra.drl").type("content", BROKEN).click("form[action$='/files'] button");
            browser.shows("NoSuchFact");
            browser.click("form[action$='/compile'] button");
            browser.shows("無法建置");
            assertThat(browser.text()).contains("derived/Extra.drl:5");
            assertThat(browser.find("#line-5").getAttribute("class")).contains("invalid");
            assertThat(browser.find("#line-5").getText()).contains("NoSuchFact");
            browser.screenshot("rulebook-draft-error");
            browser.go(draftPath + "?file=derived/Extra.drl").language("en");
            assertThat(browser.text()).contains("Rulebase draft");
            browser.click("form[action$='/compile'] button");
            browser.shows("It does not build");
            browser.screenshot("rulebook-draft-error");
            browser.go(draftPath).language("zh-TW");

            browser.go(draftPath + "?file=derived/Extra.drl").type("content", FIXED).click("form[action$='/files'] button");
            browser.shows("derived/Extra.drl");
            browser.click("form[action$='/compile'] button");
            browser.shows("編譯成功");
            browser.click("form[action$='/test'] button");
            browser.shows("所有案例皆通過");
            assertThat(browser.text()).contains("0 項未通過");
            browser.screenshot("rulebook-draft");
            browser.go(draftPath + "?file=derived/Extra.drl").language("en");
            browser.click("form[action$='/test'] button");
            browser.shows("Every case passed");
            assertThat(browser.text()).contains("Difference from the version in force", "derived/Extra.drl");
            browser.screenshot("rulebook-draft");
            browser.go(draftPath).language("zh-TW");

            // 紅色基地 off the list: a version never built, so the run shows its progress while the draft is built
            browser.go(draftPath + "?file=lists/political-content.yaml");
            String list = browser.field("content").getAttribute("value");
            assertThat(list).contains("  - 紅色基地\n");
            browser.type("content", list.replace("  - 紅色基地\n", "")).type("file-reason", "紅色基地為研究站")
                    .click("form[action$='/files'] button");
            browser.shows("lists/political-content.yaml");
            browser.click("form[action$='/impact'] button");
            browser.shows("檢核中");
            assertThat(browser.all("#impact-progress")).hasSize(1);
            assertThat(browser.all("form[action$='/impact/cancel'] button")).hasSize(1);
            browser.screenshot("rulebook-impact-running");
            browser.shows("重新檢核 3 筆，其中 2 筆將改變");
            assertThat(browser.all("#impact-progress")).isEmpty();
            String impact = browser.find("#impact").getText();
            assertThat(impact).contains(flagged.get(0), flagged.get(1), "CONTENT.POLITICAL", "刪除", "需人工審查 → 符合規定",
                    "2026/05/20");
            browser.screenshot("rulebook-impact");
            browser.go(draftPath).language("en");
            assertThat(browser.find("#impact").getText()).contains("3 records checked again, 2 would change",
                    "CONTENT.POLITICAL", "removed", "Needs review → Compliant", "2026/05/20");
            browser.screenshot("rulebook-impact");
            browser.go(draftPath).language("zh-TW");

            browser.find("#approve-reason").sendKeys("自己核可");
            browser.click("form[action$='/approve'] button");
            browser.shows("另一位政策編修人員");
            browser.go(draftPath).logOut();

            browser.shows("登入");
            browser.logIn("second@moe.gov.tw", TestAccounts.PASSWORD);
            browser.shows("second@moe.gov.tw，您好");
            browser.go(draftPath);
            String inApproval = browser.find(".impact-in-approval").getText();
            assertThat(inApproval).contains("重新檢核 3 筆，其中 2 筆將改變", flagged.get(0), flagged.get(1), "CONTENT.POLITICAL");
            browser.screenshot("rulebook-approval");
            browser.go(draftPath).language("en");
            assertThat(browser.find(".impact-in-approval").getText()).contains("3 records checked again, 2 would change",
                    flagged.get(0), "CONTENT.POLITICAL");
            browser.screenshot("rulebook-approval");
            browser.go(draftPath).language("zh-TW");
            browser.find("#approve-reason").sendKeys("已檢視差異、案例結果與影響分析");
            browser.click("form[action$='/approve'] button");
            browser.shows("已核可");
            browser.find("#publish-reason").sendKeys("今日生效");
            browser.click("form[action$='/publish'] button");
            browser.shows("自始適用");
            assertThat(browser.path()).as(browser.text()).isEqualTo("/rulebook/versions");
            assertThat(browser.text()).contains("已發布", "2026/05/20", "自始適用");

            browser.go("/rulebook/audit");
            browser.shows("規則庫異動紀錄");
            assertThat(browser.text()).contains("初始版本", "建立草案", "修改檔案", "核可", "發布", "author@moe.gov.tw",
                    "second@moe.gov.tw");
            // what was done, in the page's language, with the day as the platform writes it
            assertThat(browser.text()).contains("自 2026/05/20 起施行", "首次啟動：以隨附之規則庫為初始版本")
                    .doesNotContain("effective from", "first start");
            browser.screenshot("rulebook-audit");
            browser.language("en");
            assertThat(browser.text()).contains("Rulebook audit log", "draft made", "approved", "published",
                    "in force from 2026/05/20", "first start: the packaged rules");
            browser.screenshot("rulebook-audit");
        }
    }
}
