package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;

/**
 * The login pages over real HTTP, as a browser sees them: the form with its CSRF token, the
 * session cookie (HttpOnly, SameSite=Lax, not Secure over plain HTTP), a new session at login,
 * the locked and forced-change answers, logout, the English switch, and the security headers.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class LoginPageTest {

    private static final String PASSWORD = "Login-Page-1";
    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    AccountService accounts;

    @Inject
    MutableClock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String username;

    @BeforeEach
    void aReviewerAccount() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        username = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@moe.gov.tw";
        accounts.createAccount(new AccountService.NewAccount(username, "<b>審查人</b>", null, EnumSet.of(Role.REVIEWER),
                PASSWORD, false));
    }

    /** A browser: its cookies, sent back as they were set. */
    private final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";")[0];
                String value = pair.substring(pair.indexOf('=') + 1);
                if (set.toLowerCase().contains("max-age=0") || value.isEmpty()) {
                    cookies.remove(pair.substring(0, pair.indexOf('=')));
                } else {
                    cookies.put(pair.substring(0, pair.indexOf('=')), value);
                }
            }
            return response;
        }

        String csrf(HttpResponse<String> page) {
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as("a CSRF token in the form").isTrue();
            return m.group(1);
        }

        HttpResponse<String> logIn(String password) throws IOException, InterruptedException {
            String token = csrf(get("/login"));
            return post("/login", Map.of("username", username, "password", password, "csrfToken", token));
        }
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst();
    }

    @Test
    void anAnonymousVisitorToTheRootIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> root = new Browser().get("/");
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).contains("/login");
    }

    @Test
    void theLoginPageIsAFormInZhTwWithACsrfTokenAndAnHttpOnlySameSiteLaxSessionCookie() throws Exception {
        HttpResponse<String> page = new Browser().get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/login\">", "登入", "電子郵件地址", "lang=\"zh-TW\"")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
        assertThat(CSRF.matcher(page.body()).find()).isTrue();
        String cookie = sessionCookie(page).orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/api/ping", "/api/outbox", "/api/no-such-thing")) {
            HttpResponse<String> response = new Browser().get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
                    .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    void aLoginWithoutTheCsrfTokenOrWithAForgedOneIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.get("/login");
        // the right password, but no token or a forged one: refused, and nobody is logged in
        HttpResponse<String> refused = browser.post("/login", Map.of("username", username, "password", PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).as("a readable page, as every other form answers").contains("<html").contains("重新整理");
        HttpResponse<String> forged = browser.post("/login", Map.of("username", username, "password", PASSWORD,
                "csrfToken", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        Browser other = new Browser();
        String othersToken = other.csrf(other.get("/login"));
        HttpResponse<String> borrowed = browser.post("/login", Map.of("username", username, "password", PASSWORD,
                "csrfToken", othersToken));
        assertThat(borrowed.statusCode()).as("another session's token").isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void theRightPasswordStartsANewSessionThatShowsWhoIsLoggedInAndLogoutEndsIt() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        String anonymousSession = browser.cookies.get("SESSION");
        HttpResponse<String> in = browser.post("/login", Map.of("username", username, "password", PASSWORD,
                "csrfToken", browser.csrf(page)));

        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).contains("/");
        assertThat(sessionCookie(in).orElseThrow()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        // the session id is only in the HttpOnly cookie: no header a script could read carries it
        assertThat(in.headers().firstValue("Authorization-Info")).isEmpty();
        assertThat(browser.cookies.get("SESSION")).as("a new session id at login").isNotEqualTo(anonymousSession);

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(username, "審查人員").contains("&lt;b&gt;審查人&lt;/b&gt;").doesNotContain("<b>審查人");
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(uri("/api/account/me")).header("Accept", "application/json").GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"REVIEWER\"");

        Browser stale = new Browser();
        stale.cookies.put("SESSION", anonymousSession);
        assertThat(stale.get("/").statusCode()).as("the session from before the login").isEqualTo(303);

        HttpResponse<String> out = browser.post("/logout", Map.of("csrfToken", browser.csrf(home)));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void anAccountDisabledWhileLoggedInIsLoggedOutAtItsNextRequest() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.logIn(PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        accounts.setEnabled(accounts.account(username).orElseThrow().id(), false);

        assertThat(browser.get("/").headers().firstValue("Location")).contains("/login");
        assertThat(browser.send(HttpRequest.newBuilder(uri("/api/account/me")).header("Accept", "application/json").GET())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordShowsTheLoginAgainWithTheErrorAndTheFifthLocksTheAccount() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> wrong = browser.logIn("wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("電子郵件地址或密碼錯誤");
        for (int i = 0; i < 3; i++) {
            browser.logIn("wrong");
        }
        HttpResponse<String> locked = browser.logIn("wrong");
        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(locked.body()).contains("帳號已鎖定", "2026/05/20 12:15");
        assertThat(browser.logIn(PASSWORD).statusCode()).as("even with the right password").isEqualTo(423);
        clock.advance(Duration.ofMinutes(15));
        assertThat(browser.logIn(PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void anAccountWhosePasswordMustChangeGoesToTheChangePageAndCanDoNothingElseUntilItHas() throws Exception {
        String name = "forced-" + username;
        accounts.createAccount(new AccountService.NewAccount(name, "New", null, EnumSet.of(Role.REVIEWER), PASSWORD, true));
        Browser browser = new Browser();
        String token = browser.csrf(browser.get("/login"));
        HttpResponse<String> in = browser.post("/login", Map.of("username", name, "password", PASSWORD, "csrfToken", token));
        assertThat(in.headers().firstValue("Location")).contains("/password");
        assertThat(browser.get("/").headers().firstValue("Location")).contains("/password");
        HttpResponse<String> queue = browser.send(HttpRequest.newBuilder(uri("/api/review/queue"))
                .header("Accept", "application/json").GET());
        assertThat(queue.statusCode()).isEqualTo(403);

        HttpResponse<String> page = browser.get("/password");
        assertThat(page.body()).contains("請先變更密碼");
        HttpResponse<String> weak = browser.post("/password", Map.of("currentPassword", PASSWORD, "newPassword", "weakweak",
                "confirmPassword", "weakweak", "csrfToken", browser.csrf(page)));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("大寫、小寫、數字、符號要有 3 種");
        HttpResponse<String> changed = browser.post("/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "Mine-Now-2026", "confirmPassword", "Mine-Now-2026", "csrfToken", browser.csrf(weak)));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.send(HttpRequest.newBuilder(uri("/api/review/queue")).header("Accept", "application/json").GET())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theEnglishSwitchIsRememberedAndTheLoginPageIsThenInEnglish() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> switched = browser.get("/login?lang=en");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(browser.cookies.get("lang")).isEqualTo("en");
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.body()).contains("Log in", "E-mail address", "lang=\"en\"");
        browser.get("/login?lang=zh-TW");
        assertThat(browser.get("/login").body()).contains("電子郵件地址");
    }

    @Test
    void aPageAskedForWithoutALoginGoesToTheLoginPageAndTheApiAnswers401() throws Exception {
        HttpResponse<String> page = new Browser().send(HttpRequest.newBuilder(uri("/password")).header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(303);
        HttpResponse<String> api = new Browser().send(HttpRequest.newBuilder(uri("/api/review/queue"))
                .header("Accept", "application/json").GET());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"message\"", "請先登入");
    }
}
