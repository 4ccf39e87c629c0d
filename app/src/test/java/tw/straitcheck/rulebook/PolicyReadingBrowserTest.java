package tw.straitcheck.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Browser;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * A policy editor reads the rulebook in a real browser (issue 8): the rules, a rule in English
 * with its citation opened to the source's passage, the keyword lists and the calendars, which
 * warn on 2026/10/03 that 2027's calendar is missing. Screenshots of each page in both languages.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-10-03")
class PolicyReadingBrowserTest {

    private static final String EDITOR = "journey-policy@moe.gov.tw";

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    @Test
    void aPolicyEditorReadsARuleAndItsSourceInEnglish() {
        clock.setDay(LocalDate.of(2026, 10, 3));
        accounts.bearer(EDITOR, Role.POLICY_EDITOR, null);
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.logIn(EDITOR, TestAccounts.PASSWORD);
            browser.go("/rulebook");
            assertThat(browser.text()).contains("規則總覽", "CONTENT.POLITICAL");
            browser.screenshot("rulebook-rules");
            browser.language("en");
            assertThat(browser.text()).contains("Rulebook", "Title (English)");
            browser.screenshot("rulebook-rules");

            browser.click("a[href='/rulebook/rules/CONTENT.POLITICAL']");
            assertThat(browser.path()).isEqualTo("/rulebook/rules/CONTENT.POLITICAL");
            assertThat(browser.text()).contains("What it cites", "The rule in DRL", "@ruleId(\"CONTENT.POLITICAL\")",
                    "Cases that raise it");
            browser.screenshot("rulebook-rule");
            browser.language("zh-TW");
            assertThat(browser.text()).contains("依據條文", "觸發本規則的測試案例");
            browser.screenshot("rulebook-rule");
            browser.language("en");

            String passage = browser.find("article.citation-quote blockquote").getText();
            browser.click("article.citation-quote h3 a");
            assertThat(browser.path()).startsWith("/rulebook/sources/");
            assertThat(browser.text()).contains(passage.substring(0, Math.min(20, passage.length())));

            browser.go("/rulebook/lists");
            assertThat(browser.text()).contains("rules/lists/political-content.yaml", "counterparts only", "統一發票");
            browser.screenshot("rulebook-lists");
            browser.language("zh-TW");
            assertThat(browser.text()).contains("關鍵詞清單", "僅比對陸方單位");
            browser.screenshot("rulebook-lists");

            browser.go("/rulebook/calendars");
            assertThat(browser.find("p.calendar-warning").getText()).contains("2027");
            browser.screenshot("rulebook-calendars");
            browser.language("en");
            assertThat(browser.find("p.calendar-warning").getText()).contains("The 2027 office calendar is not loaded");
            browser.screenshot("rulebook-calendars");
        }
    }
}
