package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tw.straitcheck.Browser;
import tw.straitcheck.MutableClock;
import tw.straitcheck.notification.OutboxWorker;

/**
 * The accounts journey in a real browser (issue 8): a school administrator adds a user, who must
 * change the initial password, is locked out by five wrong passwords (even with the right one)
 * until 15 minutes have passed, and cannot log in once disabled; a forgotten password reset by
 * mail (GreenMail) end to end; the system administrator's pages. Screenshots in both languages.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsBrowserTest implements TestPropertyProvider {

    private static final String ADMIN_PASSWORD = "Admin-Passw0rd";

    private final int smtpPort = ResetMails.freePort();
    private final GreenMail smtp = ResetMails.smtp(smtpPort);
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String school = "B" + tag;
    private final String admin = "admin-" + tag + "@school.edu.tw";
    private final String clerk = "clerk-" + tag + "@school.edu.tw";

    @Inject
    EmbeddedServer server;

    @Inject
    AccountService accounts;

    @Inject
    OutboxWorker worker;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        Map<String, String> settings = new HashMap<>(ResetMails.settings(smtpPort));
        settings.put("straitcheck.test.today", "2026-05-20");
        return settings;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    /** Clicks what leaves the page (a submit button, a link) and waits for the next page. */
    private static void submit(Browser browser, String css) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.click(css);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private static void logIn(Browser browser, String username, String password) {
        browser.go("/login");
        browser.type("username", username);
        browser.type("password", password);
        submit(browser, "main button[type=submit]");
    }

    private static void logOut(Browser browser) {
        submit(browser, "header.top form[action='/logout'] button");
    }

    @Test
    void aSchoolAdministratorAddsAUserWhoIsLockedOutAndLetInAgainThenDisabled() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        accounts.createSchool(school, "國立示範高級中學");
        accounts.createAccount(new AccountService.NewAccount(admin, "林淑芬", school, EnumSet.of(Role.SCHOOL_ADMIN),
                ADMIN_PASSWORD, false));
        try (Browser browser = Browser.open(server.getURL().toString())) {
            logIn(browser, admin, ADMIN_PASSWORD);
            browser.go("/school/users");
            browser.type("username", clerk);
            browser.type("displayName", "陳志明");
            submit(browser, "form[action='/school/users'] button[type=submit]");
            assertThat(browser.text()).contains("已新增 陳志明", "初始密碼", "只顯示這一次");
            String initial = browser.find("#initial-password").getText();
            assertThat(PasswordRules.strength(initial)).isEmpty();
            browser.screenshot("school-users");
            browser.language("en");
            assertThat(browser.text()).contains("School users", "陳志明", clerk).doesNotContain(initial);
            browser.screenshot("school-users");
            browser.language("zh-TW");

            browser.go("/school/contacts");
            browser.type("name", "王美玲");
            browser.type("title", "教務處組長");
            browser.type("email", "contact-" + tag + "@school.edu.tw");
            browser.type("phone", "02-2345-6789");
            submit(browser, "form[action='/school/contacts'] button[type=submit]");
            assertThat(browser.text()).contains("已儲存聯絡窗口", "王美玲", "教務處組長");
            browser.screenshot("school-contacts");
            browser.language("en");
            assertThat(browser.text()).contains("Contact persons", "王美玲");
            browser.screenshot("school-contacts");
            browser.language("zh-TW");

            browser.go("/school/tokens");
            browser.type("name", "教務系統");
            submit(browser, "form[action='/school/tokens'] button[type=submit]");
            String token = browser.find("#new-token").getText();
            assertThat(token).startsWith("sct_");
            assertThat(browser.text()).contains("已建立權杖「教務系統」", "只顯示這一次", "從未使用");
            browser.screenshot("school-tokens");
            browser.language("en");
            assertThat(browser.text()).contains("API tokens", "教務系統", "never").doesNotContain(token);
            browser.screenshot("school-tokens");
            browser.language("zh-TW");
            logOut(browser);

            // the new user must change the initial password first
            logIn(browser, clerk, initial);
            assertThat(browser.path()).isEqualTo("/password");
            assertThat(browser.text()).contains("請先變更密碼");
            browser.type("currentPassword", initial);
            browser.type("newPassword", "Clerk-Own-2026");
            browser.type("confirmPassword", "Clerk-Own-2026");
            submit(browser, "main form[action='/password'] button[type=submit]");
            assertThat(browser.text()).contains("密碼已變更", "陳志明");
            logOut(browser);

            // five wrong passwords lock the account for 15 minutes, even against the right one
            for (int i = 0; i < 5; i++) {
                logIn(browser, clerk, "Wrong-Passw0rd");
            }
            assertThat(browser.text()).contains("帳號已鎖定", "2026/05/20 12:15");
            browser.screenshot("locked");
            logIn(browser, clerk, "Clerk-Own-2026");
            assertThat(browser.text()).as("the right password, while locked").contains("帳號已鎖定");
            browser.language("en");
            logIn(browser, clerk, "Clerk-Own-2026");
            assertThat(browser.text()).contains("2026/05/20 12:15");
            browser.screenshot("locked");
            browser.language("zh-TW");
            clock.advance(Duration.ofMinutes(15));
            logIn(browser, clerk, "Clerk-Own-2026");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text()).contains("陳志明");
            logOut(browser);

            // the administrator disables the user, who can then no longer log in
            logIn(browser, admin, ADMIN_PASSWORD);
            browser.go("/school/users");
            submit(browser, "a[href='/school/users/" + accounts.account(clerk).orElseThrow().id() + "']");
            browser.click("input[name=enabled]");
            submit(browser, "main form button[type=submit]");
            assertThat(browser.text()).contains("已儲存", "未啟用");
            logOut(browser);
            logIn(browser, clerk, "Clerk-Own-2026");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.text()).contains("此帳號未啟用");
        }
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLink() {
        clock.setDay(LocalDate.of(2026, 5, 21));
        String user = "forgetful-" + tag + "@school.edu.tw";
        accounts.createAccount(new AccountService.NewAccount(user, "黃小華", null, EnumSet.of(Role.REVIEWER),
                "Forgotten-Pass1", false));
        try (Browser browser = Browser.open(server.getURL().toString())) {
            browser.go("/login");
            submit(browser, "a[href='/password/forgot']");
            assertThat(browser.text()).contains("忘記密碼", "30 分鐘");
            browser.screenshot("password-forgot");
            browser.language("en");
            assertThat(browser.text()).contains("Forgotten password", "30 minutes");
            browser.screenshot("password-forgot");
            browser.language("zh-TW");
            browser.type("username", user);
            submit(browser, "main button[type=submit]");
            assertThat(browser.find("main p.success").getText()).contains("重設密碼連結已寄至該信箱");

            String link = ResetMails.link(ResetMails.await(smtp, worker, user, 1).get(0));
            browser.go(link);
            assertThat(browser.text()).contains("設定新密碼");
            browser.type("newPassword", "Remembered-2026");
            browser.type("confirmPassword", "Remembered-2026");
            submit(browser, "main button[type=submit]");
            assertThat(browser.find("main p.success").getText()).contains("新密碼已設定");
            logIn(browser, user, "Remembered-2026");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text()).contains("黃小華");
            logOut(browser);
            browser.go(link);
            assertThat(browser.text()).contains("此連結已失效");
        }
    }

    @Test
    void aSystemAdministratorCreatesASchoolAndReadsTheOutbox() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        String sysadmin = "sysadmin-" + tag + "@moe.gov.tw";
        accounts.createAccount(new AccountService.NewAccount(sysadmin, "系統管理者", null, EnumSet.of(Role.SYSTEM_ADMIN),
                ADMIN_PASSWORD, false));
        try (Browser browser = Browser.open(server.getURL().toString())) {
            logIn(browser, sysadmin, ADMIN_PASSWORD);
            browser.go("/admin/schools");
            browser.type("code", "N" + tag);
            browser.type("name", "新北市立示範國民中學");
            browser.type("username", "first-" + tag + "@school.edu.tw");
            browser.type("displayName", "張家豪");
            submit(browser, "form[action='/admin/schools'] button[type=submit]");
            assertThat(browser.text()).contains("已建立學校 新北市立示範國民中學", "張家豪");
            String initial = browser.find("#initial-password").getText();
            assertThat(accounts.login("first-" + tag + "@school.edu.tw", initial)).isInstanceOf(AccountService.LoggedIn.class);
            browser.screenshot("admin-schools");
            browser.language("en");
            assertThat(browser.text()).contains("Schools", "新北市立示範國民中學");
            browser.screenshot("admin-schools");
            browser.language("zh-TW");

            browser.go("/admin/outbox");
            assertThat(browser.text()).contains("寄件匣", "收件人", "嘗試次數");
            browser.screenshot("admin-outbox");
            browser.language("en");
            assertThat(browser.text()).contains("Outbox", "Recipients", "Attempts");
            browser.screenshot("admin-outbox");
        }
    }

    @Test
    void aSystemAdministratorAddsASecondPolicyEditorWhoMustChangeTheInitialPassword() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        String sysadmin = "staff-admin-" + tag + "@moe.gov.tw";
        String editor = "editor-" + tag + "@moe.gov.tw";
        accounts.createAccount(new AccountService.NewAccount(sysadmin, "周建宏", null, EnumSet.of(Role.SYSTEM_ADMIN),
                ADMIN_PASSWORD, false));
        try (Browser browser = Browser.open(server.getURL().toString())) {
            logIn(browser, sysadmin, ADMIN_PASSWORD);
            submit(browser, "header.top a[href='/admin/users']");
            assertThat(browser.text()).contains("機關人員維護", "周建宏");
            browser.type("username", editor);
            browser.type("displayName", "李雅婷");
            browser.click("input[name=policyEditor]");
            submit(browser, "form[action='/admin/users'] button[type=submit]");
            assertThat(browser.text()).contains("已新增 李雅婷", "初始密碼", "只顯示這一次", "政策人員");
            String initial = browser.find("#initial-password").getText();
            browser.screenshot("admin-users");
            browser.language("en");
            assertThat(browser.text()).contains("Ministry staff", "李雅婷", "policy editor").doesNotContain(initial);
            browser.screenshot("admin-users");
            browser.language("zh-TW");
            logOut(browser);

            logIn(browser, editor, initial);
            assertThat(browser.path()).isEqualTo("/password");
            browser.type("currentPassword", initial);
            browser.type("newPassword", "Editor-Own-2026");
            browser.type("confirmPassword", "Editor-Own-2026");
            submit(browser, "main form[action='/password'] button[type=submit]");
            assertThat(browser.text()).contains("密碼已變更", "李雅婷");
        }
    }
}
