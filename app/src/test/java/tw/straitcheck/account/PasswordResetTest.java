package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.MutableClock;
import tw.straitcheck.notification.OutboxWorker;

/**
 * Forgotten password by mail, end to end over real HTTP: the request page, the mail through the
 * outbox to GreenMail, the link followed, the new password under the handbook's rules. A used, an
 * expired or a replaced link is refused; an unknown or disabled address gets the same answer and no mail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetTest implements TestPropertyProvider {

    private static final String OLD = "Old-Passw0rd";
    private static final String NEW = "Brand-New-2026";

    private final int smtpPort = ResetMails.freePort();
    private final GreenMail smtp = ResetMails.smtp(smtpPort);

    @Inject
    EmbeddedServer server;

    @Inject
    AccountService accounts;

    @Inject
    OutboxWorker worker;

    @Inject
    MutableClock clock;

    @Inject
    DataSource dataSource;

    private String username;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        Map<String, String> settings = new HashMap<>(ResetMails.settings(smtpPort));
        settings.put("straitcheck.test.today", "2026-05-20");
        settings.put("straitcheck.password-reset.per-client", "1000");
        return settings;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void aSchoolUser() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        username = "forgot-" + UUID.randomUUID().toString().substring(0, 8) + "@a.edu.tw";
        accounts.createAccount(new AccountService.NewAccount(username, "忘記密碼的人", null, EnumSet.of(Role.REVIEWER),
                OLD, false));
    }

    private FormClient client() {
        return new FormClient(server.getURL().toString());
    }

    private HttpResponse<String> ask(FormClient client, String address) {
        return client.submit("/password/forgot", "/password/forgot", Map.of("username", address));
    }

    private HttpResponse<String> setPassword(FormClient client, String link, String password) {
        String token = link.substring(link.indexOf("token=") + "token=".length());
        // the token of the session, from a page with a form (a dead link's page has none)
        return client.submit("/password/forgot", "/password/reset", Map.of("token", token, "newPassword", password,
                "confirmPassword", password));
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceWhichThenLogsIn() throws Exception {
        FormClient browser = client();
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.body()).contains("href=\"/password/forgot\"", "忘記密碼？");

        HttpResponse<String> asked = ask(browser, username.toUpperCase());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("重設密碼連結已寄至該信箱", "30 分鐘");

        MimeMessage mail = ResetMails.await(smtp, worker, username, 1).get(0);
        assertThat(mail.getSubject()).contains("重設密碼");
        String text = ResetMails.text(mail);
        assertThat(text).contains("忘記密碼的人 您好", "2026/05/20 12:30", "Dear 忘記密碼的人", "30 minutes");
        String link = ResetMails.link(mail);

        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("設定新密碼");
        HttpResponse<String> weak = setPassword(browser, link, "weakweak");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("大寫、小寫、數字、符號要有 3 種");
        HttpResponse<String> same = setPassword(browser, link, OLD);
        assertThat(same.statusCode()).as("not one of the last 3").isEqualTo(422);
        assertThat(same.body()).contains("不可和前 3 次重覆");

        HttpResponse<String> set = setPassword(browser, link, NEW);
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(set.headers().firstValue("Location")).contains("/login?reset=1");
        assertThat(browser.get("/login?reset=1").body()).contains("新密碼已設定");
        assertThat(accounts.login(username, OLD)).isInstanceOf(AccountService.WrongPassword.class);
        assertThat(accounts.login(username, NEW)).isInstanceOf(AccountService.LoggedIn.class);

        HttpResponse<String> again = browser.get(link);
        assertThat(again.statusCode()).as("a used link").isEqualTo(410);
        assertThat(again.body()).contains("此連結已失效");
        assertThat(setPassword(browser, link, "Third-Passw0rd").statusCode()).isEqualTo(410);
        assertThat(accounts.login(username, NEW)).isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void aResetWithinADayOfAChangeIsAllowedAndClearsTheLockout() {
        clock.advance(Duration.ofDays(2));
        AccountService.AccountView account = accounts.account(username).orElseThrow();
        accounts.changePassword(account.id(), OLD, "Changed-Today-1");
        for (int i = 0; i < 5; i++) {
            accounts.login(username, "wrong");
        }
        assertThat(accounts.login(username, "Changed-Today-1")).isInstanceOf(AccountService.Locked.class);
        clock.advance(Duration.ofMinutes(1));

        FormClient browser = client();
        ask(browser, username);
        String link = ResetMails.link(ResetMails.await(smtp, worker, username, 1).get(0));
        assertThat(setPassword(browser, link, NEW).statusCode()).isEqualTo(303);
        assertThat(accounts.login(username, NEW)).as("unlocked").isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void aLinkExpiresAfterThirtyMinutes() {
        FormClient browser = client();
        ask(browser, username);
        String link = ResetMails.link(ResetMails.await(smtp, worker, username, 1).get(0));
        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get(link).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(browser.get(link).statusCode()).isEqualTo(410);
        assertThat(setPassword(browser, link, NEW).statusCode()).isEqualTo(410);
        assertThat(accounts.login(username, OLD)).isInstanceOf(AccountService.LoggedIn.class);
    }

    @Test
    void aNewerLinkOrAPasswordChangeEndsTheOlderLink() {
        clock.advance(Duration.ofDays(2));
        FormClient browser = client();
        ask(browser, username);
        String first = ResetMails.link(ResetMails.await(smtp, worker, username, 1).get(0));
        clock.advance(Duration.ofMinutes(1));
        ask(browser, username);
        List<MimeMessage> both = ResetMails.await(smtp, worker, username, 2);
        String second = ResetMails.link(both.get(1));
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get(first).statusCode()).as("replaced by the newer").isEqualTo(410);
        assertThat(browser.get(second).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        accounts.changePassword(accounts.account(username).orElseThrow().id(), OLD, "Changed-Myself-1");
        assertThat(browser.get(second).statusCode()).as("the password changed since").isEqualTo(410);
    }

    @Test
    void anUnknownOrDisabledAddressGetsTheSameAnswerAndNoMail() {
        String disabled = "disabled-" + username;
        accounts.createAccount(new AccountService.NewAccount(disabled, "停用", null, EnumSet.of(Role.REVIEWER), OLD, false));
        accounts.setEnabled(accounts.account(disabled).orElseThrow().id(), false);
        String unknown = "nobody-" + username;

        String known = answer(ask(client(), username), username);
        assertThat(answer(ask(client(), unknown), unknown)).isEqualTo(known);
        assertThat(answer(ask(client(), disabled), disabled)).isEqualTo(known);

        assertThat(written(username)).isEqualTo(1);
        assertThat(written(unknown)).isZero();
        assertThat(written(disabled)).isZero();
        ResetMails.await(smtp, worker, username, 1);
    }

    @Test
    void oneAddressIsMailedAtMostThreeTimesInFifteenMinutesThoughTheAnswerStaysTheSame() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> asked = ask(client(), username);
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body()).contains("重設密碼連結已寄至該信箱");
        }
        assertThat(written(username)).isEqualTo(3);
    }

    /** How many forgotten-password mails the outbox holds for the address (sent or not). */
    private int written(String address) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM outbox WHERE purpose = 'PASSWORD_RESET' AND recipients = ?")) {
            s.setString(1, address);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's answer with the address itself taken out (it is repeated back, as typed). */
    private static String answer(HttpResponse<String> page, String address) {
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body().replace(address, "ADDRESS").replaceAll("name=\"csrfToken\" value=\"[^\"]+\"", "");
    }
}
