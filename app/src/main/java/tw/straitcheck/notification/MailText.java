package tw.straitcheck.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.system.Localized;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.checking.Verdict;
import tw.straitcheck.records.HistoryEntry;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.records.SubmissionVersion;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.system.TaipeiClock;

/** What each mail says: zh-TW first, then English; dates YYYY/MM/DD, times in Asia/Taipei. */
final class MailText {

    /** A mail's subject and plain-text body. */
    record Letter(String subject, String body) {
    }

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm").withZone(TaipeiClock.ZONE);

    private static final String TAG = "【StraitCheck】";
    private static final String RULE = "----------------------------------------";
    private static final String FOOTER_ZH = "本信由系統自動發送，請勿直接回覆。";
    private static final String FOOTER_EN = "This message was sent automatically; please do not reply to it.";

    private MailText() {
    }

    // --- a filing: 參(三) 每筆新增、變更及事後登錄皆會傳送給權責單位聯絡人、本案教育部及陸委會聯絡人

    static Letter filed(SubmissionRecord record, SubmissionVersion version, CheckResult result) {
        Localized kind = kind(version.kind());
        String subject = TAG + kind.zh() + "收件通知 " + record.receipt() + "「" + record.activityName() + "」 / "
                + kind.en() + " received";
        List<ReportedFinding> violations = of(result, FindingKind.VIOLATION);
        List<ReportedFinding> flags = of(result, FindingKind.FLAG);
        List<ReportedFinding> obligations = of(result, FindingKind.OBLIGATION);

        StringBuilder b = new StringBuilder();
        b.append(record.schoolName()).append(" 您好：\n\n");
        b.append("本平臺已收到以下").append(kind.zh())
                .append("，依交流手冊參(三)通知權責單位聯絡人、填表人及本案教育部、陸委會聯絡人。\n\n");
        b.append("收件號：").append(record.receipt()).append("（第 ").append(version.number()).append(" 版）\n");
        b.append("學校：").append(record.schoolName()).append("（").append(record.schoolCode()).append("）\n");
        b.append("活動名稱：").append(record.activityName()).append('\n');
        if (record.activityStart() != null && record.activityEnd() != null) {
            b.append("期間：").append(date(record.activityStart())).append(" 至 ").append(date(record.activityEnd())).append('\n');
        }
        b.append("收件時間：").append(time(version.createdAt())).append("（臺北時間）\n");
        b.append("送件人：").append(version.submittedBy()).append('\n');
        b.append("檢核結果：").append(verdictZh(result.verdict())).append("（違規 ").append(violations.size())
                .append(" 項、待審疑義 ").append(flags.size()).append(" 項）\n");
        b.append("案件狀態：").append(statusZh(record.status())).append("\n");
        findingsZh(b, "違規事項", violations);
        findingsZh(b, "待審查疑義", flags);
        findingsZh(b, "應辦事項", obligations);
        b.append('\n').append(FOOTER_ZH).append("\n\n").append(RULE).append("\n\n");

        b.append("Dear ").append(record.schoolName()).append(",\n\n");
        b.append("StraitCheck has received the ").append(kind.en().toLowerCase(Locale.ROOT))
                .append(" below. As the handbook (參(三)) requires, this notice goes to the school's contacts, ")
                .append("the person who filed it, and the case's Ministry of Education and Mainland Affairs Council contacts.\n\n");
        b.append("Receipt: ").append(record.receipt()).append(" (version ").append(version.number()).append(")\n");
        b.append("School: ").append(record.schoolName()).append(" (").append(record.schoolCode()).append(")\n");
        b.append("Activity: ").append(record.activityName()).append('\n');
        if (record.activityStart() != null && record.activityEnd() != null) {
            b.append("Period: ").append(date(record.activityStart())).append(" to ").append(date(record.activityEnd())).append('\n');
        }
        b.append("Received: ").append(time(version.createdAt())).append(" (Taipei time)\n");
        b.append("Filed by: ").append(version.submittedBy()).append('\n');
        b.append("Verdict: ").append(verdictEn(result.verdict())).append(" (").append(violations.size())
                .append(" violation(s), ").append(flags.size()).append(" flag(s) for review)\n");
        b.append("Status: ").append(statusEn(record.status())).append('\n');
        findingsEn(b, "Violations", violations);
        findingsEn(b, "Flags for review", flags);
        findingsEn(b, "Obligations", obligations);
        b.append('\n').append(FOOTER_EN).append('\n');
        return new Letter(subject, b.toString());
    }

    // --- a reviewer's decision

    static Letter decided(SubmissionRecord record, HistoryEntry entry) {
        RecordStatus to = entry.toStatus();
        String subject = TAG + "案件" + statusZh(to) + " " + record.receipt() + "「" + record.activityName() + "」 / Record "
                + statusEn(to).toLowerCase(Locale.ROOT);
        String comment = entry.comment() == null || entry.comment().isBlank() ? null : entry.comment().strip();
        StringBuilder b = new StringBuilder();
        b.append(record.schoolName()).append(" 您好：\n\n");
        b.append("收件號 ").append(record.receipt()).append("「").append(record.activityName())
                .append("」經審查，案件狀態改為：").append(statusZh(to)).append("。\n\n");
        b.append("審查意見：").append(comment == null ? "（無）" : comment).append('\n');
        b.append("審查時間：").append(time(entry.at())).append("（臺北時間）\n");
        if (to == RecordStatus.RETURNED) {
            b.append("\n請依審查意見修正後，於平臺重新送件。\n");
        }
        b.append('\n').append(FOOTER_ZH).append("\n\n").append(RULE).append("\n\n");
        b.append("Dear ").append(record.schoolName()).append(",\n\n");
        b.append("The review of record ").append(record.receipt()).append(" \"").append(record.activityName())
                .append("\" is done; its status is now: ").append(statusEn(to)).append(".\n\n");
        b.append("Reviewer's comment: ").append(comment == null ? "(none)" : comment).append('\n');
        b.append("Reviewed: ").append(time(entry.at())).append(" (Taipei time)\n");
        if (to == RecordStatus.RETURNED) {
            b.append("\nPlease correct the submission as the comment asks and submit it again on the platform.\n");
        }
        b.append('\n').append(FOOTER_EN).append('\n');
        return new Letter(subject, b.toString());
    }

    // --- reminders: 參(三) 活動辦理後隔天系統將發出提醒信給管理者及填表人 … 第 20日後、28日後、29日後各發一次提醒

    /**
     * {@code first}: the reminder of the day after the activity (the report is not late yet, it
     * is simply next); the later ones say that the report is still missing.
     */
    static Letter reminder(SubmissionRecord record, int day, boolean first, LocalDate reportDue, LocalDate today) {
        String subject = first
                ? TAG + "活動結束提醒：請辦理事後登錄 " + record.receipt() + "「" + record.activityName() + "」，期限 "
                        + date(reportDue) + " / Reminder: post-activity report due " + date(reportDue)
                : TAG + "事後登錄提醒（活動結束後第 " + day + " 日）" + record.receipt() + "「" + record.activityName()
                        + "」尚未完成，期限 " + date(reportDue) + " / Reminder (day " + day
                        + " after the activity): post-activity report not yet filed, due " + date(reportDue);
        StringBuilder b = new StringBuilder();
        b.append(record.schoolName()).append(" 管理者及填表人您好：\n\n");
        b.append("「").append(record.activityName()).append("」（收件號 ").append(record.receipt()).append("）已於 ")
                .append(date(record.activityEnd())).append(" 結束。");
        if (!first) {
            b.append("截至 ").append(date(today)).append("，本案尚未完成事後登錄。");
        }
        b.append("請於 ").append(date(reportDue)).append(" 前至平臺「事後登錄」回報活動概況（交流手冊壹一(一)2(3)、參(三)）。\n");
        b.append('\n').append(FOOTER_ZH).append("\n\n").append(RULE).append("\n\n");
        b.append("Dear administrator and filer of ").append(record.schoolName()).append(",\n\n");
        b.append("The activity \"").append(record.activityName()).append("\" (receipt ").append(record.receipt())
                .append(") ended on ").append(date(record.activityEnd())).append(". ");
        if (!first) {
            b.append("As of ").append(date(today)).append(" its post-activity report has not been filed. ");
        }
        b.append("Please file the post-activity report on the platform by ").append(date(reportDue)).append(".\n");
        b.append('\n').append(FOOTER_EN).append('\n');
        return new Letter(subject, b.toString());
    }

    // --- pieces

    static String date(LocalDate day) {
        return day == null ? "—" : DATE.format(day);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    private static List<ReportedFinding> of(CheckResult result, FindingKind kind) {
        return result.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    private static void findingsZh(StringBuilder b, String heading, List<ReportedFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        b.append('\n').append(heading).append("：\n");
        for (ReportedFinding f : findings) {
            b.append("- ").append(f.ruleId()).append(' ').append(f.title().zh());
            if (f.subject() != null) {
                b.append("（").append(f.subject()).append("）");
            }
            if (f.due() != null) {
                b.append("，期限 ").append(date(f.due()));
            }
            b.append('\n');
        }
    }

    private static void findingsEn(StringBuilder b, String heading, List<ReportedFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        b.append('\n').append(heading).append(":\n");
        for (ReportedFinding f : findings) {
            b.append("- ").append(f.ruleId()).append(' ').append(f.title().en());
            if (f.subject() != null) {
                b.append(" (").append(f.subject()).append(')');
            }
            if (f.due() != null) {
                b.append(", due ").append(date(f.due()));
            }
            b.append('\n');
        }
    }

    /** The version's kind in zh-TW and English. */
    private static Localized kind(VersionKind kind) {
        return switch (kind) {
            case REGISTRATION -> new Localized("活動登錄", "Registration");
            case CHANGE -> new Localized("活動變更通報", "Change notice");
            case RESUBMISSION -> new Localized("補正後重新送件", "Resubmission");
            case POST_ACTIVITY_REPORT -> new Localized("事後登錄", "Post-activity report");
            case ANNOUNCEMENT -> new Localized("協助公告陸方活動訊息", "Announcement of mainland activity information");
        };
    }

    private static String verdictZh(Verdict verdict) {
        return switch (verdict) {
            case COMPLIANT -> "符合規定";
            case NEEDS_REVIEW -> "需人工審查";
            case NON_COMPLIANT -> "不符規定";
        };
    }

    private static String verdictEn(Verdict verdict) {
        return switch (verdict) {
            case COMPLIANT -> "Compliant";
            case NEEDS_REVIEW -> "Needs review";
            case NON_COMPLIANT -> "Non-compliant";
        };
    }

    static String statusZh(RecordStatus status) {
        return switch (status) {
            case ACCEPTED -> "已受理";
            case IN_REVIEW -> "審查中";
            case RETURNED -> "退回補正";
            case REJECTED -> "駁回";
            case WITHDRAWN -> "已撤回";
        };
    }

    static String statusEn(RecordStatus status) {
        return switch (status) {
            case ACCEPTED -> "Accepted";
            case IN_REVIEW -> "In review";
            case RETURNED -> "Returned for correction";
            case REJECTED -> "Rejected";
            case WITHDRAWN -> "Withdrawn";
        };
    }
}
