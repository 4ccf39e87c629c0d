package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.straitcheck.notification.MailTests.address;
import static tw.straitcheck.notification.MailTests.purposes;
import static tw.straitcheck.notification.MailTests.received;
import static tw.straitcheck.notification.MailTests.registration;
import static tw.straitcheck.notification.MailTests.subject;
import static tw.straitcheck.notification.MailTests.text;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.records.RecordMoves;

/**
 * The post-activity report reminders (handbook 參(三)) on the test's clock. The spec's registration,
 * three months earlier (filed 2026/03/02, before the other test classes' days, so the job finds
 * none of their records due): the activity ends on E = 2026/04/10, the group is back on 04/11, the
 * report is due 2026/05/11. Reminders fall on 04/11, 04/30, 05/08 and 05/09: the days and the due
 * date the registration's stored OBL.POST_ACTIVITY_REPORT finding holds, which the job follows.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemindersTest implements TestPropertyProvider {

    private static final int EARLIER = -91;
    private static final LocalDate E = LocalDate.of(2026, 4, 10);

    private final int smtpPort = MailTests.freePort();
    private final GreenMail smtp = MailTests.smtpServer(smtpPort);
    private final String school = "R" + UUID.randomUUID().toString().substring(0, 7);
    private final String admin = address("admin");
    private final String otherSchool = "R" + UUID.randomUUID().toString().substring(0, 7);
    private final String otherAdmin = address("admin");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    DataSource dataSource;

    @Inject
    Reminders reminders;

    @Inject
    OutboxWorker worker;

    @Inject
    RecordMoves moves;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return MailTests.merged(MailTests.smtpSettings(smtpPort), Map.of(
                "straitcheck.test.today", "2026-03-02",
                "straitcheck.mail.school-admins." + school, admin,
                "straitcheck.mail.school-admins." + otherSchool, otherAdmin,
                "straitcheck.mail.outbox.scheduled", "false",
                "straitcheck.mail.reminders.enabled", "false"));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void filedOnMarch2() {
        clock.setDay(LocalDate.of(2026, 3, 2));
    }

    private String register(String schoolCode, String filer) {
        return MailTests.file(client, accounts, MailTests.shifted(registration(schoolCode, address("leader")), EARLIER), filer);
    }

    /** The daily job on {@code day}, as the schedule runs it, then the worker sends what it wrote. */
    private void runOn(LocalDate day) {
        clock.setDay(day);
        reminders.run(day);
        while (worker.sendDue() > 0) {
            // next batch
        }
    }

    private List<String> reminderPurposes(String receipt) {
        return purposes(dataSource, receipt).stream().filter(p -> p.startsWith("REMINDER")).toList();
    }

    private List<MimeMessage> remindersAt(String address, String receipt) {
        return received(smtp, address).stream().filter(m -> subject(m).contains(receipt) && subject(m).contains("提醒")).toList();
    }

    @Test
    void aRegistrationEndingApril10IsRemindedOnTheDayAfterAndOnDays20_28And29AndOnceReportedOnlyOnTheDayAfter() {
        String filer = address("filer");
        String reportingFiler = address("filer");
        String unreported = register(school, filer);
        String reported = register(school, reportingFiler);

        runOn(E);
        assertThat(reminderPurposes(unreported)).isEmpty();
        runOn(E.plusDays(1));
        assertThat(reminderPurposes(unreported)).containsExactly("REMINDER_DAY_1");
        assertThat(reminderPurposes(reported)).containsExactly("REMINDER_DAY_1");

        clock.setDay(E.plusDays(10));
        MailTests.file(client, accounts, MailTests.postActivityReport(reported, E.minusDays(4), E), reportingFiler);

        runOn(E.plusDays(19));
        assertThat(reminderPurposes(unreported)).containsExactly("REMINDER_DAY_1");
        runOn(E.plusDays(20));
        runOn(E.plusDays(20)); // the job twice on one day
        assertThat(reminderPurposes(unreported)).containsExactly("REMINDER_DAY_1", "REMINDER_DAY_20");
        runOn(E.plusDays(21));
        assertThat(reminderPurposes(unreported)).containsExactly("REMINDER_DAY_1", "REMINDER_DAY_20");
        runOn(E.plusDays(28));
        assertThat(reminderPurposes(unreported)).containsExactly("REMINDER_DAY_1", "REMINDER_DAY_20", "REMINDER_DAY_28");
        runOn(E.plusDays(29));
        runOn(E.plusDays(29));
        assertThat(reminderPurposes(unreported))
                .containsExactly("REMINDER_DAY_1", "REMINDER_DAY_20", "REMINDER_DAY_28", "REMINDER_DAY_29");
        runOn(E.plusDays(30));
        assertThat(reminderPurposes(unreported)).hasSize(4);
        assertThat(reminderPurposes(reported)).containsExactly("REMINDER_DAY_1");

        assertThat(remindersAt(filer, unreported)).hasSize(4);
        assertThat(remindersAt(admin, unreported)).hasSize(4);
        assertThat(remindersAt(reportingFiler, reported)).hasSize(1);
        assertThat(remindersAt(admin, reported)).hasSize(1);
        MimeMessage day29 = remindersAt(admin, unreported).get(3);
        assertThat(subject(day29)).contains("第 29 日").contains("2026/05/11");
        assertThat(text(day29)).contains("已於 2026/04/10 結束").contains("截至 2026/05/09，本案尚未完成事後登錄")
                .contains("請於 2026/05/11 前").contains("by 2026/05/11");
        assertThat(text(remindersAt(admin, unreported).get(0))).doesNotContain("尚未完成");
    }

    @Test
    void aJobCatchingUpOnMay1SendsOnlyTheDay20ReminderAndNothingOnceTheReportIsOverdue() {
        String filer = address("filer");
        String receipt = register(otherSchool, filer);

        // The app was down from E to E+20: the day-after reminder is not sent late, the day-20 one is.
        runOn(E.plusDays(21));
        assertThat(reminderPurposes(receipt)).containsExactly("REMINDER_DAY_20");
        // Down again over days 28 and 29; on 05/14 the report (due 05/11) is overdue: nothing more.
        runOn(LocalDate.of(2026, 5, 14));
        assertThat(reminderPurposes(receipt)).containsExactly("REMINDER_DAY_20");
        assertThat(remindersAt(otherAdmin, receipt)).hasSize(1);
        assertThat(remindersAt(filer, receipt)).hasSize(1);
    }

    /**
     * What the record's judging check stored, as if the rulebase had since changed: the obligation
     * says reminders on 04/13 and 04/25 and a report due 05/20, citing only 參(三) 提醒.
     */
    private void restate(String receipt) {
        String sql = """
                UPDATE finding SET due = DATE '2026-05-20',
                  body = jsonb_set(jsonb_set(jsonb_set(body, '{due}', '"2026-05-20"'),
                           '{reminders}', '["2026-04-13", "2026-04-25"]'),
                           '{citations}', '[{"source": "HANDBOOK", "ref": "參(三) 提醒", "text": "活動辦理後隔天系統將發出提醒信"}]')
                WHERE rule_id = 'OBL.POST_ACTIVITY_REPORT'
                  AND record_id = (SELECT id FROM submission_record WHERE receipt = ?)""";
        try (Connection c = MailTests.connection(dataSource); PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, receipt);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRegistrationWhoseStoredObligationSaysApril13And25AndMay20IsRemindedOnThoseDaysNotOnTheRulebasesOwn() {
        String filer = address("filer");
        String receipt = register(otherSchool, filer);
        restate(receipt);

        runOn(E.plusDays(1)); // the rulebase's day after the activity: not a stored reminder day
        assertThat(reminderPurposes(receipt)).isEmpty();
        runOn(LocalDate.of(2026, 4, 13));
        assertThat(reminderPurposes(receipt)).containsExactly("REMINDER_DAY_3");
        runOn(LocalDate.of(2026, 4, 25));
        runOn(E.plusDays(20)); // the rulebase's day 20: nothing stored for it
        assertThat(reminderPurposes(receipt)).containsExactly("REMINDER_DAY_3", "REMINDER_DAY_15");

        List<MimeMessage> sent = remindersAt(otherAdmin, receipt);
        assertThat(sent).hasSize(2);
        assertThat(subject(sent.get(0))).contains("活動結束提醒").contains("期限 2026/05/20").contains("due 2026/05/20");
        assertThat(subject(sent.get(1))).contains("第 15 日").contains("期限 2026/05/20");
        assertThat(text(sent.get(1))).contains("截至 2026/04/25，本案尚未完成事後登錄")
                .contains("請於 2026/05/20 前至平臺「事後登錄」回報活動概況（交流手冊參(三) 提醒）。")
                .contains("by 2026/05/20 (handbook 參(三) 提醒).")
                .doesNotContain("2026/05/11").doesNotContain("壹一(一)2(3)");
        assertThat(remindersAt(filer, receipt)).hasSize(2);
    }

    @Test
    void aWithdrawnRegistrationIsNotReminded() {
        String receipt = register(otherSchool, address("filer"));
        moves.move(receipt, RecordMoves.Move.WITHDRAW, "school", "活動取消", null);

        runOn(E.plusDays(1));
        runOn(E.plusDays(20));

        assertThat(reminderPurposes(receipt)).isEmpty();
    }
}
