package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tw.straitcheck.account.PasswordResetRequested;

/** The forgotten-password mail: the link, until when it works in Taipei time, both languages, the name as text. */
class PasswordResetMailTextTest {

    @Test
    void theMailGivesTheLinkAndItsThirtyMinutesInTaipeiTimeInZhTwThenEnglish() {
        PasswordResetRequested event = new PasswordResetRequested(7, "lin@school.edu.tw", "林<b>淑芬</b>",
                "https://straitcheck.example.gov.tw/password/reset?token=abc_DEF-123",
                Instant.parse("2026-05-20T04:00:00Z"), Instant.parse("2026-05-20T04:30:00Z"));

        MailText.Letter letter = MailText.passwordReset(event);

        assertThat(letter.subject()).isEqualTo("【StraitCheck】重設密碼連結 / [StraitCheck] Your password reset link");
        assertThat(letter.body()).contains("林<b>淑芬</b> 您好", "2026/05/20 12:00（臺北時間）", "請於 30 分鐘內（2026/05/20 12:30 前）",
                "https://straitcheck.example.gov.tw/password/reset?token=abc_DEF-123", "lin@school.edu.tw",
                "Dear 林<b>淑芬</b>", "within 30 minutes (before 2026/05/20 12:30)", "If you did not ask for this");
        assertThat(letter.body().indexOf("您好")).isLessThan(letter.body().indexOf("Dear"));
    }
}
