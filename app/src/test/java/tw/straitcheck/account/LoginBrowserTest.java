package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Browser;
import tw.straitcheck.TestAccounts;

/** The login page in a real browser, in both languages, and the start page each role lands on. */
@MicronautTest(transactional = false)
class LoginBrowserTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Test
    void aReviewerLogsInAndSeesTheirPagesInBothLanguages() {
        accounts.bearer("browser-reviewer@moe.gov.tw", Role.REVIEWER, null);
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.text()).contains("登入", "電子郵件地址");
            browser.screenshot("login");
            browser.language("en");
            assertThat(browser.text()).contains("Log in", "E-mail address");
            browser.screenshot("login");

            browser.logIn("browser-reviewer@moe.gov.tw", TestAccounts.PASSWORD);
            assertThat(browser.path()).as(browser.text()).isEqualTo("/");
            assertThat(browser.text()).contains("Welcome", "Review queue").doesNotContain("Rulebook", "Outbox");
            browser.language("zh-TW");
            assertThat(browser.text()).contains("審查佇列");
            browser.logOut();
            assertThat(browser.path()).isEqualTo("/login");
        }
    }
}
