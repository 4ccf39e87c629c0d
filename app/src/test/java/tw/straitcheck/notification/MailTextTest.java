package tw.straitcheck.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.Citation;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.checking.Verdict;
import tw.straitcheck.records.HistoryEntry;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.records.SubmissionVersion;
import tw.straitcheck.system.Localized;

/**
 * The mail templates (resources/mail/) against the text the mails had before they were templates
 * (resources/mail-expected/): subject and body byte for byte, values as plain text — a school or
 * activity name with {@code <}, {@code &}, quotes or template-like brackets comes out as it was sent.
 */
class MailTextTest {

    private static final LocalDate START = LocalDate.of(2026, 7, 1);
    private static final LocalDate END = LocalDate.of(2026, 7, 10);
    private static final Instant FILED = Instant.parse("2026-05-20T04:00:00Z");

    private static SubmissionRecord record(LocalDate start) {
        return new SubmissionRecord(1L, "R-2026-0042", "EXCHANGE_ACTIVITY", RecordStatus.IN_REVIEW, "013301",
                "國立<澎湖>高級海事水產職業學校", "赴 \"浙江\" & 交流 [[x]] [(y)] ${z}", start, END, null, END, 1,
                "NEEDS_REVIEW", 1, 1, null, null, "filer@b.tw", FILED, FILED, 0L);
    }

    private static SubmissionVersion version(VersionKind kind) {
        return new SubmissionVersion(5L, 1L, 3, kind, "{}", null, START, "X", "v1", "sub'mitter@b.tw", FILED);
    }

    private static ReportedFinding finding(String id, FindingKind kind, LocalDate due, String subject) {
        return new ReportedFinding(id, kind, due, subject, new Localized("標題" + id, "Title " + id),
                List.of(new Citation("HANDBOOK", "參(三)", "x")), List.of(), null, List.of(), null);
    }

    private static final CheckResult EVERY_KIND = new CheckResult(Verdict.NEEDS_REVIEW, START, "v1", List.of(
            finding("V.ONE", FindingKind.VIOLATION, START, "王小明"), finding("V.TWO", FindingKind.VIOLATION, null, null),
            finding("F.ONE", FindingKind.FLAG, null, "tag"), finding("O.ONE", FindingKind.OBLIGATION, END, null)));

    private static final ReportedFinding OBLIGATION = new ReportedFinding("OBL.POST_ACTIVITY_REPORT", FindingKind.OBLIGATION,
            LocalDate.of(2026, 8, 10), null, new Localized("t", "t"), List.of(new Citation("HANDBOOK", "壹一(一)2(3)", "x"),
                    new Citation("HANDBOOK", "參(三) 事後登錄", "x"), new Citation("HANDBOOK", "參(三) 提醒", "x")),
            List.of(), null, List.of(), null);

    private static HistoryEntry decision(RecordStatus to, String comment) {
        return new HistoryEntry(9L, 1L, Instant.parse("2026-05-21T09:30:00Z"), "r", "X", RecordStatus.IN_REVIEW, to, 1, comment);
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = MailTextTest.class.getResourceAsStream("/mail-expected/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String shown(MailText.Letter letter) {
        return "SUBJECT: " + letter.subject() + "\n" + letter.body();
    }

    @Test
    void aRegistrationWithViolationsAFlagAndAnObligationIsAcknowledgedInZhTwThenEnglish() throws IOException {
        assertThat(shown(MailText.filed(record(START), version(VersionKind.REGISTRATION), EVERY_KIND)))
                .isEqualTo(expected("filed-registration"));
    }

    @Test
    void aChangeNoticeWithoutAnActivityStartLeavesOutThePeriodLine() throws IOException {
        assertThat(shown(MailText.filed(record(null), version(VersionKind.CHANGE), EVERY_KIND)))
                .isEqualTo(expected("filed-change-without-period"));
    }

    @Test
    void aFilingWithNoFindingsListsNoFindingSections() {
        String body = MailText.filed(record(START), version(VersionKind.ANNOUNCEMENT),
                new CheckResult(Verdict.COMPLIANT, START, "v1", List.of())).body();
        assertThat(body).contains("本平臺已收到以下協助公告陸方活動訊息，")
                .contains("檢核結果：符合規定（違規 0 項、待審疑義 0 項）\n案件狀態：審查中\n\n本信由系統自動發送")
                .contains("Verdict: Compliant (0 violation(s), 0 flag(s) for review)\nStatus: In review\n\nThis message")
                .doesNotContain("事項").doesNotContain("Obligations");
    }

    @Test
    void aRecordReturnedWithACommentAsksTheSchoolToResubmit() throws IOException {
        assertThat(shown(MailText.decided(record(START), decision(RecordStatus.RETURNED, "  請補附 <行程> \n第二行 "))))
                .isEqualTo(expected("decided-returned"));
    }

    @Test
    void aRecordAcceptedWithABlankCommentSaysThereIsNone() throws IOException {
        assertThat(shown(MailText.decided(record(START), decision(RecordStatus.ACCEPTED, " "))))
                .isEqualTo(expected("decided-accepted-without-comment"));
    }

    @Test
    void theDayAfterReminderCitesTheStoredObligationsPassages() throws IOException {
        assertThat(shown(MailText.reminder(record(START), 1, true, OBLIGATION, LocalDate.of(2026, 7, 11))))
                .isEqualTo(expected("reminder-day-after"));
    }

    @Test
    void theDay29ReminderSaysTheReportIsStillMissing() throws IOException {
        assertThat(shown(MailText.reminder(record(START), 29, false, OBLIGATION, LocalDate.of(2026, 8, 8))))
                .isEqualTo(expected("reminder-day-29"));
    }
}
