package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The system administrator's /admin/users over real HTTP: the ministry's own staff listed, a second
 * policy editor added with a one-time initial password shown once and changed at the first login,
 * roles edited, the administrator's own SYSTEM_ADMIN role and enabling kept, a form refused with
 * each error next to its field, a school's account not found here.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class StaffPagesTest {

    private static final String PASSWORD = "Staff-Pages-1";
    private static final Pattern INITIAL = Pattern.compile("id=\"initial-password\">([^<]+)<");

    @Inject
    EmbeddedServer server;

    @Inject
    AccountService accounts;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String sysadmin = "sys-" + tag + "@moe.gov.tw";
    private FormClient browser;

    @BeforeEach
    void aSystemAdministratorLoggedIn() {
        accounts.createAccount(new AccountService.NewAccount(sysadmin, "系統管理者" + tag, null,
                EnumSet.of(Role.SYSTEM_ADMIN), PASSWORD, false));
        browser = new FormClient(server.getURL().toString());
        assertThat(browser.logIn(sysadmin, PASSWORD).statusCode()).isEqualTo(303);
    }

    private long id(String username) {
        return accounts.account(username).orElseThrow().id();
    }

    @Test
    void theListShowsTheMinistrysStaffWithTheirRolesAndWhenThePasswordLastChangedButNoSchoolsAccounts() {
        String school = "S" + tag;
        accounts.createSchool(school, "名單測試高中");
        accounts.createAccount(new AccountService.NewAccount("clerk-" + tag + "@s.edu.tw", "承辦人", school,
                EnumSet.of(Role.SCHOOL_USER), PASSWORD, false));
        accounts.createAccount(new AccountService.NewAccount("reviewer-" + tag + "@moe.gov.tw", "審查員" + tag, null,
                EnumSet.of(Role.REVIEWER, Role.POLICY_EDITOR), PASSWORD, false));

        HttpResponse<String> list = browser.get("/admin/users");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("機關人員維護", sysadmin, "reviewer-" + tag + "@moe.gov.tw", "審查人員",
                "政策人員", "（您）", "href=\"/admin/users\"").doesNotContain("clerk-" + tag);
        assertThat(list.body()).containsPattern("<td>\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}</td>");
        assertThat(browser.get("/admin/users?lang=en").statusCode()).as("the switch, remembered").isEqualTo(303);
        assertThat(browser.get("/admin/users").body()).contains("Ministry staff", "Add a staff account",
                "Roles (one or more)");

        long schools = id("clerk-" + tag + "@s.edu.tw");
        assertThat(browser.get("/admin/users/" + schools).statusCode()).isEqualTo(404);
        assertThat(browser.submit("/admin/users", "/admin/users/" + schools,
                Map.of("displayName", "x", "reviewer", "true", "enabled", "true")).statusCode()).isEqualTo(404);
    }

    @Test
    void aSecondPolicyEditorIsAddedWithAnInitialPasswordShownOnceThatMustBeChangedAtTheFirstLogin() {
        String editor = "editor-" + tag + "@moe.gov.tw";
        HttpResponse<String> made = browser.submit("/admin/users", "/admin/users",
                Map.of("username", editor, "displayName", "第二位政策人員", "policyEditor", "true"));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains("已新增 第二位政策人員（" + editor + "）", "只顯示這一次");
        Matcher initial = INITIAL.matcher(made.body());
        assertThat(initial.find()).isTrue();
        String password = unescape(initial.group(1));
        assertThat(PasswordRules.strength(password)).isEmpty();
        assertThat(accounts.account(editor).orElseThrow().roles()).containsExactly(Role.POLICY_EDITOR);
        assertThat(accounts.account(editor).orElseThrow().school()).isNull();
        assertThat(browser.get("/admin/users").body()).contains(editor).doesNotContain(initial.group(1));

        FormClient newcomer = new FormClient(server.getURL().toString());
        HttpResponse<String> first = newcomer.logIn(editor, password);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/password");
        assertThat(newcomer.submit("/password", "/password", Map.of("currentPassword", password,
                "newPassword", "Editor-Own-2026", "confirmPassword", "Editor-Own-2026")).statusCode()).isEqualTo(303);
        assertThat(accounts.login(editor, "Editor-Own-2026")).isInstanceOfSatisfying(AccountService.LoggedIn.class,
                in -> assertThat(in.actor().mustChangePassword()).isFalse());
        assertThat(newcomer.get("/rulebook").statusCode()).isEqualTo(200);
        assertThat(newcomer.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void anEditChangesTheNameRolesAndEnablingOfAStaffAccount() {
        String reviewer = "rev-" + tag + "@moe.gov.tw";
        accounts.createAccount(new AccountService.NewAccount(reviewer, "審查員", null, EnumSet.of(Role.REVIEWER),
                PASSWORD, false));
        String page = "/admin/users/" + id(reviewer);
        assertThat(browser.get(page).body()).contains("編輯機關人員 " + reviewer, "name=\"reviewer\" value=\"true\" checked");

        assertThat(browser.submit(page, page, Map.of("displayName", "審查及政策", "reviewer", "true",
                "policyEditor", "true", "enabled", "true")).statusCode()).isEqualTo(303);
        AccountService.AccountView edited = accounts.account(reviewer).orElseThrow();
        assertThat(edited.roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.POLICY_EDITOR);
        assertThat(edited.displayName()).isEqualTo("審查及政策");
        assertThat(browser.get("/admin/users?saved=" + edited.id()).body()).contains("已儲存", "審查及政策");

        assertThat(browser.submit(page, page, Map.of("displayName", "審查及政策", "reviewer", "true",
                "policyEditor", "true")).statusCode()).isEqualTo(303);
        assertThat(accounts.account(reviewer).orElseThrow().enabled()).isFalse();
        assertThat(accounts.login(reviewer, PASSWORD)).isInstanceOf(AccountService.Disabled.class);

        HttpResponse<String> none = browser.submit(page, page, Map.of("displayName", "x", "enabled", "true"));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(errorAfter(none.body(), "name=\"systemAdmin\"")).isEqualTo("請至少設定一個角色");
    }

    @Test
    void aSystemAdministratorCanNeitherTakeTheirOwnSystemAdministratorRoleNorDisableThemself() {
        String mine = "/admin/users/" + id(sysadmin);
        HttpResponse<String> role = browser.submit(mine, mine, Map.of("displayName", "系統管理者", "reviewer", "true",
                "enabled", "true"));
        assertThat(role.statusCode()).isEqualTo(422);
        assertThat(errorAfter(role.body(), "name=\"systemAdmin\"")).isEqualTo("不能移除自己帳號的系統管理者權限");
        assertThat(role.body()).contains("name=\"reviewer\" value=\"true\" checked");

        HttpResponse<String> disabled = browser.submit(mine, mine, Map.of("displayName", "系統管理者",
                "systemAdmin", "true"));
        assertThat(disabled.statusCode()).isEqualTo(422);
        assertThat(errorAfter(disabled.body(), "name=\"enabled\"")).isEqualTo("不能停用自己的帳號");
        browser.get(mine + "?lang=en");
        assertThat(browser.get(mine).body()).contains("Edit staff account");
        AccountService.AccountView me = accounts.account(sysadmin).orElseThrow();
        assertThat(me.roles()).containsExactly(Role.SYSTEM_ADMIN);
        assertThat(me.enabled()).isTrue();

        // another system administrator may take it: the ministry still has one
        String other = "other-" + tag + "@moe.gov.tw";
        accounts.createAccount(new AccountService.NewAccount(other, "另一位", null, EnumSet.of(Role.SYSTEM_ADMIN),
                PASSWORD, false));
        String page = "/admin/users/" + id(other);
        assertThat(browser.submit(page, page, Map.of("displayName", "另一位", "reviewer", "true", "enabled", "true"))
                .statusCode()).isEqualTo(303);
        assertThat(accounts.account(other).orElseThrow().roles()).containsExactly(Role.REVIEWER);
    }

    @Test
    void aNewStaffAccountRefusedIsShownAgainWithEachErrorNextToItsField() {
        HttpResponse<String> refused = browser.submit("/admin/users", "/admin/users",
                Map.of("username", "not-an-address", "displayName", "新同仁"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"not-an-address\"", "value=\"新同仁\"");
        assertThat(errorAfter(refused.body(), "name=\"username\"")).isEqualTo("須為電子郵件地址");
        assertThat(errorAfter(refused.body(), "name=\"systemAdmin\"")).isEqualTo("請至少設定一個角色");

        HttpResponse<String> taken = browser.submit("/admin/users", "/admin/users",
                Map.of("username", sysadmin, "displayName", " ", "reviewer", "true"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(errorAfter(taken.body(), "name=\"username\"")).isEqualTo("已有以此電子郵件地址登錄的帳號");
        assertThat(errorAfter(taken.body(), "name=\"displayName\"")).isEqualTo("必填");
        assertThat(taken.body()).contains("name=\"reviewer\" value=\"true\" checked");
        assertThat(taken.body()).doesNotContain("id=\"initial-password\"");
    }

    @Test
    void aFormWithoutItsSessionsCsrfTokenIsRefused() {
        String editor = "csrf-" + tag + "@moe.gov.tw";
        HttpResponse<String> none = browser.post("/admin/users", Map.of("username", editor, "displayName", "X",
                "policyEditor", "true"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("表單已逾時");
        assertThat(browser.post("/admin/users", Map.of("username", editor, "displayName", "X", "policyEditor", "true",
                "csrfToken", "forged")).statusCode()).isEqualTo(403);
        assertThat(accounts.account(editor)).isEmpty();
        String mine = "/admin/users/" + id(sysadmin);
        assertThat(browser.post(mine, Map.of("displayName", "改名", "systemAdmin", "true", "enabled", "true"))
                .statusCode()).isEqualTo(403);
        assertThat(accounts.account(sysadmin).orElseThrow().displayName()).isEqualTo("系統管理者" + tag);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    /** The first field error after the field (the error is shown right below it). */
    private static String errorAfter(String body, String field) {
        int at = body.indexOf(field);
        assertThat(at).as(field).isPositive();
        Matcher m = Pattern.compile("<p class=\"field-error\">([^<]+)</p>").matcher(body);
        assertThat(m.find(at)).as("an error after " + field).isTrue();
        int nextInput = body.indexOf("<input", at + field.length());
        assertThat(nextInput < 0 || m.start() < nextInput).as("the error right after " + field).isTrue();
        return m.group(1);
    }
}
