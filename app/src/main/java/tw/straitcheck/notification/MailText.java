package tw.straitcheck.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tw.straitcheck.account.PasswordResetRequested;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.Citation;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.records.HistoryEntry;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.records.SubmissionVersion;
import tw.straitcheck.system.Localized;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * What each mail says. The subject comes from the message bundles ({@code subject.<mail>},
 * zh-TW / English); the body from the text template {@code resources/mail/<mail>.txt}, which
 * renders the zh-TW part, then the English part, from one model. The model holds only values:
 * dates already as YYYY/MM/DD, times in Asia/Taipei, labels in both languages.
 */
final class MailText {

    /** A mail's subject and plain-text body. */
    record Letter(String subject, String body) {
    }

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm").withZone(TaipeiClock.ZONE);

    private static final TemplateEngine TEMPLATES = templates();

    private MailText() {
    }

    // --- a filing: 參(三) 每筆新增、變更及事後登錄皆會傳送給權責單位聯絡人、本案教育部及陸委會聯絡人

    static Letter filed(SubmissionRecord record, SubmissionVersion version, CheckResult result) {
        Localized kind = Messages.of("label.version-kind." + version.kind().name());
        Map<String, Object> model = about(record);
        model.put("kind", text(kind));
        model.put("kindLower", kind.en().toLowerCase(Locale.ROOT));
        model.put("version", String.valueOf(version.number()));
        model.put("received", time(version.createdAt()));
        model.put("filedBy", version.submittedBy());
        model.put("verdict", text(Messages.of("label.verdict." + result.verdict().name())));
        model.put("status", text(status(record.status())));
        model.put("violations", findings(result, FindingKind.VIOLATION));
        model.put("flags", findings(result, FindingKind.FLAG));
        model.put("obligations", findings(result, FindingKind.OBLIGATION));
        return letter("filed", model, Messages.of("subject.filed", kind, record.receipt(), record.activityName()));
    }

    // --- a reviewer's decision

    static Letter decided(SubmissionRecord record, HistoryEntry entry) {
        RecordStatus to = entry.toStatus();
        Localized status = status(to);
        Map<String, Object> model = about(record);
        model.put("status", text(status));
        model.put("comment", entry.comment() == null || entry.comment().isBlank() ? null : entry.comment().strip());
        model.put("reviewed", time(entry.at()));
        model.put("returned", to == RecordStatus.RETURNED);
        Localized inSubject = new Localized(status.zh(), status.en().toLowerCase(Locale.ROOT));
        return letter("decided", model, Messages.of("subject.decided", inSubject, record.receipt(), record.activityName()));
    }

    // --- reminders: 參(三) 活動辦理後隔天系統將發出提醒信給管理者及填表人 … 第 20日後、28日後、29日後各發一次提醒

    /**
     * {@code first}: the reminder of the day after the activity (the report is not late yet, it
     * is simply next); the later ones say that the report is still missing. {@code obligation}
     * is the record's stored OBL.POST_ACTIVITY_REPORT finding: its due date and its citations.
     */
    static Letter reminder(SubmissionRecord record, int day, boolean first, ReportedFinding obligation, LocalDate today) {
        Map<String, Object> model = about(record);
        model.put("first", first);
        model.put("today", date(today));
        model.put("due", date(obligation.due()));
        model.put("citations", citations(obligation.citations()));
        String subject = first ? "subject.reminder-first" : "subject.reminder-later";
        return letter("reminder", model,
                Messages.of(subject, record.receipt(), record.activityName(), date(obligation.due()), day));
    }

    // --- a forgotten password (account/PasswordResets): the single-use link and until when it works

    static Letter passwordReset(PasswordResetRequested event) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", event.displayName());
        model.put("address", event.address());
        model.put("link", event.link());
        model.put("requested", time(event.requestedAt()));
        model.put("until", time(event.expiresAt()));
        model.put("minutes", String.valueOf(java.time.Duration.between(event.requestedAt(), event.expiresAt()).toMinutes()));
        return letter("password-reset", model, Messages.of("subject.password-reset"));
    }

    // --- pieces

    static String date(LocalDate day) {
        return day == null ? "—" : DATE.format(day);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    private static Letter letter(String template, Map<String, Object> model, Localized subject) {
        String body = TEMPLATES.process(template, new Context(Locale.ROOT, model));
        return new Letter(subject.zh() + " / " + subject.en(), body);
    }

    /** What every mail says of the record. */
    private static Map<String, Object> about(SubmissionRecord record) {
        Map<String, Object> model = new HashMap<>();
        model.put("receipt", record.receipt());
        model.put("school", record.schoolName());
        model.put("schoolCode", record.schoolCode());
        model.put("activity", record.activityName());
        model.put("period", record.activityStart() != null && record.activityEnd() != null);
        model.put("start", date(record.activityStart()));
        model.put("end", date(record.activityEnd()));
        return model;
    }

    private static List<Map<String, String>> findings(CheckResult result, FindingKind kind) {
        List<Map<String, String>> shown = new ArrayList<>();
        for (ReportedFinding f : result.findings()) {
            if (f.kind() == kind) {
                Map<String, String> finding = new HashMap<>();
                finding.put("ruleId", f.ruleId());
                finding.put("zh", f.title().zh());
                finding.put("en", f.title().en());
                finding.put("subject", f.subject());
                finding.put("due", f.due() == null ? null : date(f.due()));
                shown.add(finding);
            }
        }
        return shown;
    }

    /**
     * A finding's citations by source, in their order: each source's short name in both
     * languages ({@code citation.source.<SOURCE>}) and the refs cited from it.
     */
    private static List<Map<String, Object>> citations(List<Citation> citations) {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (Citation c : citations) {
            bySource.computeIfAbsent(c.source(), s -> new ArrayList<>()).add(c.ref());
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        bySource.forEach((source, refs) -> {
            Localized name = Messages.has("citation.source." + source)
                    ? Messages.of("citation.source." + source) : new Localized(source, source);
            shown.add(Map.of("zh", name.zh(), "en", name.en(), "refs", refs));
        });
        return shown;
    }

    private static Localized status(RecordStatus status) {
        return Messages.of("label.status." + status.name());
    }

    private static Map<String, String> text(Localized text) {
        return Map.of("zh", text.zh(), "en", text.en());
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailText.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
