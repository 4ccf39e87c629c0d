package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The school and system administrators' pages over real HTTP: a form refused is shown again with
 * 422, each error next to its field and what was typed kept; the handbook's 參(三)(一) and the
 * school's last administrator kept on the server; a token shown once, then only listed.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class SchoolAdminPagesTest {

    private static final String PASSWORD = "Admin-Pages-1";

    @Inject
    EmbeddedServer server;

    @Inject
    AccountService accounts;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String school = "P" + tag;
    private final String admin = "admin-" + tag + "@p.edu.tw";
    private FormClient browser;

    @BeforeEach
    void aSchoolWithItsAdministratorLoggedIn() {
        accounts.createSchool(school, "頁面測試高中");
        accounts.createAccount(new AccountService.NewAccount(admin, "管理者", school, EnumSet.of(Role.SCHOOL_ADMIN),
                PASSWORD, false));
        browser = new FormClient(server.getURL().toString());
        assertThat(browser.logIn(admin, PASSWORD).statusCode()).isEqualTo(303);
    }

    private long id(String username) {
        return accounts.account(username).orElseThrow().id();
    }

    @Test
    void aNewUserRefusedIsShownAgainWithEachErrorNextToItsFieldAndWhatWasTyped() {
        HttpResponse<String> refused = browser.submit("/school/users", "/school/users",
                Map.of("username", "not-an-address", "displayName", " ", "role", "SCHOOL_USER"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"not-an-address\"");
        assertThat(errorAfter(refused.body(), "name=\"username\"")).isEqualTo("須為電子郵件地址");
        assertThat(errorAfter(refused.body(), "name=\"displayName\"")).isEqualTo("必填");

        HttpResponse<String> made = browser.submit("/school/users", "/school/users",
                Map.of("username", "new-" + tag + "@p.edu.tw", "displayName", "<script>新人</script>", "role", "SCHOOL_USER"));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains("&lt;script&gt;新人&lt;/script&gt;").doesNotContain("<script>新人");
        Matcher initial = Pattern.compile("id=\"initial-password\">([^<]+)<").matcher(made.body());
        assertThat(initial.find()).isTrue();
        String password = initial.group(1).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">");
        AccountService.Login first = accounts.login("new-" + tag + "@p.edu.tw", password);
        assertThat(((AccountService.LoggedIn) first).actor().mustChangePassword()).isTrue();
        assertThat(browser.get("/school/users").body()).doesNotContain(initial.group(1));

        HttpResponse<String> taken = browser.submit("/school/users", "/school/users",
                Map.of("username", "new-" + tag + "@p.edu.tw", "displayName", "Again", "role", "SCHOOL_USER"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("已有以此電子郵件地址登錄的帳號", "value=\"Again\"");
    }

    @Test
    void anAdministratorCannotDisableThemselfNorLeaveTheSchoolWithoutAnAdministrator() {
        String mine = "/school/users/" + id(admin);
        HttpResponse<String> self = browser.submit(mine, mine, Map.of("displayName", "管理者", "role", "SCHOOL_USER"));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("不能停用自己的帳號");

        HttpResponse<String> last = browser.submit(mine, mine, Map.of("displayName", "管理者", "role", "SCHOOL_USER",
                "enabled", "true"));
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(last.body()).contains("學校至少要有一位已啟用的管理者");
        assertThat(accounts.account(admin).orElseThrow().roles()).containsExactly(Role.SCHOOL_ADMIN);

        String other = "second-" + tag + "@p.edu.tw";
        accounts.createAccount(new AccountService.NewAccount(other, "第二位", school, EnumSet.of(Role.SCHOOL_USER), PASSWORD, false));
        String page = "/school/users/" + id(other);
        assertThat(browser.submit(page, page, Map.of("displayName", "第二位管理者", "role", "SCHOOL_ADMIN", "enabled", "true"))
                .statusCode()).isEqualTo(303);
        assertThat(browser.submit(mine, mine, Map.of("displayName", "前管理者", "role", "SCHOOL_USER", "enabled", "true"))
                .statusCode()).as("another administrator is there now").isEqualTo(303);
        assertThat(accounts.account(admin).orElseThrow().roles()).containsExactly(Role.SCHOOL_USER);
        assertThat(accounts.account(admin).orElseThrow().displayName()).isEqualTo("前管理者");
    }

    @Test
    void aDisabledAccountCannotBeMadeAnAdministratorAndCannotLogIn() {
        String clerk = "clerk-" + tag + "@p.edu.tw";
        accounts.createAccount(new AccountService.NewAccount(clerk, "承辦人", school, EnumSet.of(Role.SCHOOL_USER), PASSWORD, false));
        String page = "/school/users/" + id(clerk);
        HttpResponse<String> refused = browser.submit(page, page, Map.of("displayName", "承辦人", "role", "SCHOOL_ADMIN"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("未啟用的帳號不能設定為管理者");
        assertThat(browser.submit(page, page, Map.of("displayName", "承辦人", "role", "SCHOOL_USER")).statusCode())
                .isEqualTo(303);
        assertThat(accounts.account(clerk).orElseThrow().enabled()).isFalse();
        assertThat(accounts.login(clerk, PASSWORD)).isInstanceOf(AccountService.Disabled.class);
        assertThat(browser.get("/school/users").body()).contains("未啟用");
    }

    @Test
    void aTokenIsShownOnceListedWithItsLastUseAndRevokedAfterAConfirmation() throws Exception {
        HttpResponse<String> blank = browser.submit("/school/tokens", "/school/tokens", Map.of("name", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(errorAfter(blank.body(), "name=\"name\"")).isEqualTo("必填");

        HttpResponse<String> made = browser.submit("/school/tokens", "/school/tokens", Map.of("name", "教務系統"));
        Matcher shown = Pattern.compile("id=\"new-token\">(sct_[A-Za-z0-9_-]+)<").matcher(made.body());
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        assertThat(browser.get("/school/tokens").body()).contains("教務系統", "從未使用").doesNotContain(token);

        assertThat(api(token)).isEqualTo(200);
        HttpResponse<String> listed = browser.get("/school/tokens");
        assertThat(listed.body()).doesNotContain("從未使用");
        long tokenId = accounts.tokensOf(id(admin)).get(0).id();
        String confirm = "/school/tokens/" + tokenId + "/revoke";
        assertThat(browser.get(confirm).body()).contains("確定撤銷權杖「教務系統」");
        assertThat(browser.submit(confirm, confirm, Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/school/tokens?revoked=1").body()).contains("已撤銷權杖", "已撤銷");
        assertThat(api(token)).isEqualTo(401);
    }

    @Test
    void aContactRefusedKeepsWhatWasTypedAndIsThenAddedEditedAndRemoved() {
        HttpResponse<String> refused = browser.submit("/school/contacts", "/school/contacts",
                Map.of("name", "王美玲", "title", "組長", "email", "wrong", "phone", "02-1"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"王美玲\"", "value=\"組長\"", "value=\"02-1\"");
        assertThat(errorAfter(refused.body(), "name=\"email\"")).isEqualTo("須為電子郵件地址");

        assertThat(browser.submit("/school/contacts", "/school/contacts",
                Map.of("name", "王美玲", "title", "組長", "email", "wang@p.edu.tw", "phone", "")).statusCode()).isEqualTo(303);
        long id = contactId();
        String page = "/school/contacts/" + id;
        assertThat(browser.submit(page, page, Map.of("name", "王美玲", "title", "主任", "email", "wang@p.edu.tw", "phone", ""))
                .statusCode()).isEqualTo(303);
        assertThat(browser.get("/school/contacts").body()).contains("主任");
        assertThat(browser.submit("/school/contacts", page + "/remove", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/school/contacts").body()).contains("尚未登錄聯絡窗口");
    }

    @Test
    void aSchoolRefusedIsShownAgainAndASchoolAdministratorCannotReachTheSystemPages() {
        assertThat(browser.get("/admin/schools").statusCode()).isEqualTo(403);
        String sysadmin = "sys-" + tag + "@moe.gov.tw";
        accounts.createAccount(new AccountService.NewAccount(sysadmin, "系統", null, EnumSet.of(Role.SYSTEM_ADMIN), PASSWORD, false));
        FormClient system = new FormClient(server.getURL().toString());
        system.logIn(sysadmin, PASSWORD);
        HttpResponse<String> refused = system.submit("/admin/schools", "/admin/schools",
                Map.of("code", "bad code!", "name", "新學校", "username", "x@y.tw", "displayName", "X"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"新學校\"", "value=\"x@y.tw\"");
        assertThat(errorAfter(refused.body(), "name=\"code\"")).isEqualTo("學校代碼為 1 至 32 個英數字或連字號");
        HttpResponse<String> again = system.submit("/admin/schools", "/admin/schools",
                Map.of("code", school, "name", "重複", "username", "y@y.tw", "displayName", "Y"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("已存在");
        assertThat(system.get("/admin/outbox?page=2").statusCode()).isEqualTo(200);
    }

    private long contactId() {
        return contacts.of(school).get(0).id();
    }

    @Inject
    Contacts contacts;

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

    private int api(String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/account/me"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
