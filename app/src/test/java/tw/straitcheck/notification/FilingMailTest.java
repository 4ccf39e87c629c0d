package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tw.straitcheck.notification.MailTests.address;
import static tw.straitcheck.notification.MailTests.await;
import static tw.straitcheck.notification.MailTests.outbox;
import static tw.straitcheck.notification.MailTests.received;
import static tw.straitcheck.notification.MailTests.registration;
import static tw.straitcheck.notification.MailTests.subject;
import static tw.straitcheck.notification.MailTests.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Contacts;
import tw.straitcheck.filing.SubmissionService;
import tw.straitcheck.notification.MailTests.Row;
import tw.straitcheck.records.RecordMoves;

/**
 * The mail of a filing, end to end: filed over HTTP on 2026-05-20, written to the outbox in the
 * filing's transaction, sent by the scheduled worker to GreenMail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilingMailTest implements TestPropertyProvider {

    private final int smtpPort = MailTests.freePort();
    private final GreenMail smtp = MailTests.smtpServer(smtpPort);
    private final String ministry = address("moe");
    private final String mac = address("mac");
    /** School 013301's registered contact person (聯絡窗口), as configured. */
    private final String schoolContact = address("contact");
    /** School 013302 registered 30 contacts: more than a mail may carry (max-recipients 20 by default). */
    private final List<String> manyContacts = java.util.stream.IntStream.range(0, 30).mapToObj(i -> address("contact" + i)).toList();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    Contacts contacts;

    @Inject
    DataSource dataSource;

    @Inject
    SubmissionService submissions;

    @Inject
    RecordMoves moves;

    @Inject
    Outbox outboxTable;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return MailTests.merged(MailTests.smtpSettings(smtpPort), Map.of(
                "straitcheck.test.today", "2026-05-20",
                "straitcheck.mail.ministry-contacts", ministry,
                "straitcheck.mail.mac-contacts", mac,
                "straitcheck.mail.school-contacts.013301", schoolContact,
                "straitcheck.mail.school-contacts.013302", String.join(",", manyContacts),
                "straitcheck.mail.outbox.send-every", "200ms",
                "straitcheck.mail.reminders.enabled", "false"));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aRegistrationFiledOnMay20IsMailedOnceToTheSchoolContactTheFilerTheMinistryAndTheMacWithItsVerdictAndDueDates() throws MessagingException {
        String leader = address("leader");
        String filer = address("filer");

        String receipt = MailTests.file(client, accounts, registration("013301", leader), filer);

        List<Row> rows = outbox(dataSource, receipt);
        assertThat(rows).extracting(Row::purpose).containsExactly("FILED_REGISTRATION");
        assertThat(rows.get(0).dedupKey()).isEqualTo("FILED:" + receipt + ":1");
        // the school's registered contact, not the leader's address typed into the submission
        assertThat(rows.get(0).recipients().split(",")).containsExactly(schoolContact, filer, ministry, mac);
        List<String> everyone = List.of(schoolContact, filer, ministry, mac);
        await("the mail at all four addresses", Duration.ofSeconds(10),
                () -> everyone.stream().allMatch(a -> !received(smtp, a).isEmpty()));
        await("the row marked SENT", Duration.ofSeconds(5), () -> outbox(dataSource, receipt).get(0).status().equals("SENT"));

        for (String a : everyone) {
            assertThat(received(smtp, a).stream().filter(m -> subject(m).contains(receipt))).as(a).hasSize(1);
        }
        MimeMessage mail = received(smtp, filer).get(0);
        assertThat(subject(mail)).contains(receipt).contains("活動登錄收件通知").contains("Registration received");
        String body = text(mail);
        assertThat(body).contains("收件號：" + receipt)
                .contains("檢核結果：需人工審查")
                .contains("Verdict: Needs review")
                .contains("OBL.POST_ACTIVITY_REPORT 活動完成返臺後一個月內至事後登錄回報活動概況，期限 2026/08/11")
                .contains("due 2026/08/11")
                .contains("收件時間：2026/05/20 12:00（臺北時間）");
        assertThat(body.indexOf("您好")).isLessThan(body.indexOf("Dear"));
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@localhost");
        assertThat(from.getPersonal()).isEqualTo("StraitCheck 兩岸教育交流登錄");
        assertThat(outbox(dataSource, receipt).get(0).attempts()).isEqualTo(1);
    }

    /** Thrown inside the filing's transaction, after the filing is stored, to make it roll back. */
    static final class FilingFailedLater extends RuntimeException {
        FilingFailedLater() {
            super("something after the filing failed");
        }
    }

    @Test
    void aFilingThatRollsBackLeavesNoOutboxRow() {
        String[] receipt = new String[1];
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            receipt[0] = submissions.file(registration("013301", address("leader")), new tw.straitcheck.filing.Filer(address("filer"), "013301"), null).receipt();
            // inside the transaction the mail is there, written by the filing itself
            assertThat(outboxTable.list(null, receipt[0], 10)).extracting(Outbox.Listed::purpose)
                    .containsExactly("FILED_REGISTRATION");
            throw new FilingFailedLater();
        })).isInstanceOf(FilingFailedLater.class);

        assertThat(outboxTable.list(null, receipt[0], 10)).isEmpty();
        assertThat(MailTests.count(dataSource, "SELECT count(*) FROM outbox WHERE dedup_key = ?", "FILED:" + receipt[0] + ":1")).isZero();
    }

    @Test
    void aRecordReturnedByTheReviewerIsMailedToTheSchoolWithTheComment() {
        String leader = address("leader");
        String filer = address("filer");
        String receipt = MailTests.file(client, accounts, registration("013301", leader), filer);

        moves.move(receipt, RecordMoves.Move.RETURN, "reviewer@moe.gov.tw", "請補附詳細行程表", null);

        assertThat(outbox(dataSource, receipt)).extracting(Row::purpose).containsExactly("FILED_REGISTRATION", "DECISION_RETURNED");
        await("the decision at the school contact", Duration.ofSeconds(10),
                () -> received(smtp, schoolContact).stream().filter(m -> subject(m).contains(receipt)).count() == 2);
        MimeMessage decision = received(smtp, schoolContact).stream()
                .filter(m -> subject(m).contains(receipt) && subject(m).contains("退回補正")).findFirst().orElseThrow();
        assertThat(subject(decision)).contains(receipt).contains("Record returned for correction");
        assertThat(text(decision)).contains("審查意見：請補附詳細行程表").contains("Reviewer's comment: 請補附詳細行程表");
        await("the decision at the filer", Duration.ofSeconds(5), () -> received(smtp, filer).size() == 2);
        assertThat(received(smtp, ministry).stream().filter(m -> subject(m).contains(receipt))).hasSize(1);
        assertThat(received(smtp, leader)).as("the leader's address typed into the submission").isEmpty();
    }

    @Test
    void aContactPersonTheSchoolAdministratorRegisteredIsMailedTheFilingToo() {
        String school = accounts.school("C" + java.util.UUID.randomUUID().toString().substring(0, 8));
        String registered = address("registered");
        contacts.add(school, new Contacts.Form("王小明", "組長", registered, null));
        String filer = address("filer");

        String receipt = MailTests.file(client, accounts, registration(school, address("leader")), filer);

        assertThat(outbox(dataSource, receipt).get(0).recipients().split(","))
                .containsExactly(registered, filer, ministry, mac);
    }

    @Test
    void aFilingWithFiftyLeaderAddressesIsMailedOnlyToTheSchoolContactTheFilerTheMinistryAndTheMac() {
        ObjectNode json = registration("013301", address("leader"));
        ArrayNode leaders = (ArrayNode) json.get("leaders");
        for (int i = 1; i < 50; i++) {
            leaders.add(((ObjectNode) leaders.get(0).deepCopy()).put("email", address("stranger")));
        }
        String filer = address("filer");

        String receipt = MailTests.file(client, accounts, json, filer);

        assertThat(outbox(dataSource, receipt).get(0).recipients().split(","))
                .containsExactly(schoolContact, filer, ministry, mac);
    }

    @Test
    void aMailCarriesAtMostTwentyRecipientsAndTheFilerTheMinistryAndTheMacAreNeverTheOnesLeftOut() {
        String filer = address("filer");

        String receipt = MailTests.file(client, accounts, registration("013302", address("leader")), filer);

        List<String> recipients = List.of(outbox(dataSource, receipt).get(0).recipients().split(","));
        assertThat(recipients).hasSize(20).contains(filer, ministry, mac);
        assertThat(recipients.subList(0, 17)).isEqualTo(manyContacts.subList(0, 17));
    }
}
