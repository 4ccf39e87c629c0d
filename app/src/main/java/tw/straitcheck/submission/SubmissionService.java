package tw.straitcheck.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.Evidence;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.submission.SubmissionVersion.VersionKind;
import tw.straitcheck.system.TaipeiClock;

/**
 * Files submissions: validates, checks and stores in one transaction the submission, the verdict,
 * every finding and the rulebase version, moves the record's status, writes its history, and
 * (through {@link SubmissionFiled}) its mail. Invalid input stores nothing.
 */
@Singleton
public class SubmissionService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CheckEngine engine;
    private final Clock clock;
    private final Receipts receipts;
    private final IdempotencyKeys idempotencyKeys;
    private final Repositories.Records records;
    private final Repositories.Versions versions;
    private final Repositories.Findings findings;
    private final Repositories.History history;
    private final Repositories.Attachments attachments;
    private final ApplicationEventPublisher<SubmissionFiled> events;
    private final JsonMapper jsonMapper;

    SubmissionService(CheckEngine engine, Clock clock, Receipts receipts, IdempotencyKeys idempotencyKeys,
            Repositories.Records records, Repositories.Versions versions, Repositories.Findings findings,
            Repositories.History history, Repositories.Attachments attachments,
            ApplicationEventPublisher<SubmissionFiled> events, JsonMapper jsonMapper) {
        this.engine = engine;
        this.clock = clock;
        this.receipts = receipts;
        this.idempotencyKeys = idempotencyKeys;
        this.records = records;
        this.versions = versions;
        this.findings = findings;
        this.history = history;
        this.attachments = attachments;
        this.events = events;
        this.jsonMapper = jsonMapper;
    }

    /** A filing's answer as JSON, and whether it is the first request's answer replayed. */
    public record Answer(String json, String receipt, boolean replayed) {
    }

    /**
     * Files any of the four submission types. A registration or an announcement makes a new record;
     * a change notice or a post-activity report is a new version of the registration it names.
     */
    @Transactional
    public Answer file(JsonNode json, String actor, @Nullable String idempotencyKey) {
        return file(json, actor, idempotencyKey, List.of());
    }

    /**
     * Files a submission that came with files: their text is already in {@code json}; the files
     * are kept with the version this filing makes, in the same transaction.
     */
    @Transactional
    public Answer file(JsonNode json, String actor, @Nullable String idempotencyKey, List<Upload> uploads) {
        Instant now = clock.instant();
        if (idempotencyKey != null) {
            Optional<String> first = idempotencyKeys.claim(idempotencyKey, hash(json), now);
            if (first.isPresent()) {
                return new Answer(first.get(), receiptOf(first.get()), true);
            }
        }
        Filing filing = fileOnce(json, actor, now);
        if (!uploads.isEmpty()) {
            SubmissionRecord record = records.findByReceipt(filing.receipt()).orElseThrow();
            Long versionId = versions.findByRecordIdOrderByNumber(record.id()).get(filing.version() - 1).id();
            for (Upload u : uploads) {
                attachments.save(new Attachment(null, versionId, u.field(), u.filename(), u.contentType(),
                        u.content().length, u.sha256(), u.content(), u.text(), now));
            }
        }
        String answer = write(filing);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(idempotencyKey, filing.receipt(), answer);
        }
        return new Answer(answer, filing.receipt(), false);
    }

    /** The school's corrected submission of a RETURNED record: checked again as a whole. */
    @Transactional
    public Answer resubmit(String receipt, JsonNode json, String actor) {
        Instant now = clock.instant();
        SubmissionRecord record = records.findByReceiptForUpdate(receipt).orElseThrow(() -> new FilingException.NotFound(receipt));
        if (record.status() != RecordStatus.RETURNED) {
            throw new FilingException.Conflict(receipt, "僅退回補正中之案件可重新送件", "only a record returned for correction can be resubmitted");
        }
        Submission submission = valid(SubmissionReader.read(json), "");
        if (!submission.type().equals(record.type())) {
            throw new FilingException.Invalid(List.of(new FieldError("type", "須與原案件類型相同：" + record.type(),
                    "must be the record's type: " + record.type())));
        }
        LocalDate asOf = TaipeiClock.today(clock);
        CheckResult result = engine.check(SubmissionFacts.of(submission, asOf));
        Filing filing = addVersion(record, VersionKind.RESUBMISSION, json, json, summary(submission), result, actor, now,
                "RESUBMITTED", statusFor(result));
        return new Answer(write(filing), receipt, false);
    }

    private Filing fileOnce(JsonNode json, String actor, Instant now) {
        Submission submission = valid(SubmissionReader.read(json), "");
        LocalDate asOf = TaipeiClock.today(clock);
        if (submission instanceof Submission.Change change) {
            return fileChange(change, json, actor, asOf, now);
        }
        if (submission instanceof Submission.PostActivityReport report) {
            return filePostActivityReport(report, json, actor, asOf, now);
        }
        CheckResult result = engine.check(SubmissionFacts.of(submission, asOf));
        Summary summary = summary(submission);
        boolean registration = submission instanceof Submission.ExchangeActivity;
        RecordStatus status = statusFor(result);
        SubmissionRecord record = records.save(new SubmissionRecord(null, receipts.next(asOf), submission.type(), status,
                summary.schoolCode(), summary.schoolName(), summary.activityName(), summary.activityStart(),
                summary.activityEnd(), summary.departure(), summary.returnDate(), 1, result.verdict().name(),
                count(result, FindingKind.VIOLATION), count(result, FindingKind.FLAG), null,
                summary.contactEmails(), actor, now, now, null));
        SubmissionVersion version = versions.save(new SubmissionVersion(null, record.id(), 1,
                registration ? VersionKind.REGISTRATION : VersionKind.ANNOUNCEMENT, json.toString(),
                registration ? json.toString() : null, asOf, result.verdict().name(), result.rulebaseVersion(),
                write(result), actor, now));
        storeFindings(record, version, result);
        history.save(new HistoryEntry(null, record.id(), now, actor, registration ? "REGISTERED" : "ANNOUNCED", null,
                status, 1, null));
        events.publishEvent(new SubmissionFiled(record, version, result));
        return Filing.of(record, 1, result);
    }

    /** 活動變更通報: the registration as changed is checked again as a whole, plus the 3-day rule. */
    private Filing fileChange(Submission.Change change, JsonNode json, String actor, LocalDate asOf, Instant now) {
        SubmissionRecord record = openRegistration(change.registrationId());
        ObjectNode merged = currentRegistration(record).deepCopy();
        json.get("changes").fields().forEachRemaining(field -> {
            if (!field.getKey().equals("type")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        Submission.ExchangeActivity whole = (Submission.ExchangeActivity) valid(SubmissionReader.read(merged), "changes.");
        CheckResult result = engine.check(SubmissionFacts.of(new Submission.Change(change.registrationId(),
                change.changeOccurredOn(), whole, change.reason()), asOf));
        return addVersion(record, VersionKind.CHANGE, json, merged, summary(whole), result, actor, now,
                "CHANGE_REPORTED", statusFor(result));
    }

    /** 事後登錄: judged against the registration's dates; it closes the reporting obligation. */
    private Filing filePostActivityReport(Submission.PostActivityReport report, JsonNode json, String actor,
            LocalDate asOf, Instant now) {
        SubmissionRecord record = openRegistration(report.registrationId());
        ObjectNode registration = currentRegistration(record);
        ObjectNode withDates = ((ObjectNode) json).deepCopy();
        for (String period : List.of("activityPeriod", "travelPeriod")) {
            if (!withDates.hasNonNull(period) && registration.hasNonNull(period)) {
                withDates.set(period, registration.get(period));
            }
        }
        CheckResult result = engine.check(SubmissionFacts.of(valid(SubmissionReader.read(withDates), ""), asOf));
        SubmissionRecord reported = record.postReportFiledOn() != null ? record : record.withPostReportFiledOn(asOf);
        return addVersion(reported, VersionKind.POST_ACTIVITY_REPORT, withDates, null, null, result, actor, now,
                "POST_REPORT_FILED", record.status());
    }

    private Filing addVersion(SubmissionRecord record, VersionKind kind, JsonNode submitted, @Nullable JsonNode registration,
            @Nullable Summary summary, CheckResult result, String actor, Instant now, String action, RecordStatus status) {
        int number = record.currentVersion() + 1;
        LocalDate asOf = result.asOf();
        SubmissionRecord updated = records.update(summary == null
                ? record.withVersion(number, status, now)
                : rejudged(record, number, summary, result, status, now));
        SubmissionVersion version = versions.save(new SubmissionVersion(null, record.id(), number, kind, submitted.toString(),
                registration == null ? null : registration.toString(), asOf, result.verdict().name(),
                result.rulebaseVersion(), write(result), actor, now));
        storeFindings(updated, version, result);
        history.save(new HistoryEntry(null, record.id(), now, actor, action, record.status(), status, number, null));
        events.publishEvent(new SubmissionFiled(updated, version, result));
        return Filing.of(updated, number, result);
    }

    /** The record as a new version of its registration (or announcement) stands, judged by that version's check. */
    private static SubmissionRecord rejudged(SubmissionRecord r, int number, Summary s, CheckResult result,
            RecordStatus status, Instant now) {
        return new SubmissionRecord(r.id(), r.receipt(), r.type(), status, s.schoolCode(), s.schoolName(),
                s.activityName(), s.activityStart(), s.activityEnd(), s.departure(), s.returnDate(), number,
                result.verdict().name(), count(result, FindingKind.VIOLATION), count(result, FindingKind.FLAG),
                r.postReportFiledOn(), s.contactEmails(), r.filedBy(), r.createdAt(), now, r.lockVersion());
    }

    private SubmissionRecord openRegistration(String receipt) {
        SubmissionRecord record = records.findByReceiptForUpdate(receipt).orElseThrow(() ->
                new FilingException.Invalid(List.of(new FieldError("registrationId",
                        "查無此收件號之活動登錄：" + receipt, "no registration with receipt " + receipt))));
        if (!Submission.ExchangeActivity.TYPE.equals(record.type())) {
            throw new FilingException.Invalid(List.of(new FieldError("registrationId",
                    "此收件號不是教育交流活動登錄", "this receipt is not an exchange activity registration")));
        }
        if (!record.status().open()) {
            throw new FilingException.Conflict(receipt, "案件已" + (record.status() == RecordStatus.REJECTED ? "駁回" : "撤回") + "，不能再變更或事後登錄",
                    "the record is " + record.status() + " and takes no more changes or reports");
        }
        return record;
    }

    private ObjectNode currentRegistration(SubmissionRecord record) {
        List<SubmissionVersion> all = versions.findByRecordIdOrderByNumber(record.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).registration() != null) {
                try {
                    return (ObjectNode) JSON.readTree(all.get(i).registration());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("record " + record.receipt() + " has no registration version");
    }

    private void storeFindings(SubmissionRecord record, SubmissionVersion version, CheckResult result) {
        for (ReportedFinding f : result.findings()) {
            Evidence first = f.evidence().isEmpty() ? null : f.evidence().get(0);
            String keyword = first != null && first.context() != null ? first.matched() : null;
            findings.save(new StoredFinding(null, record.id(), version.id(), f.ruleId(), f.kind().name(), f.due(),
                    f.subject(), first == null ? null : first.field(), keyword, write(f), null, null, null, null));
        }
    }

    private static RecordStatus statusFor(CheckResult result) {
        return switch (result.verdict()) {
            case COMPLIANT -> RecordStatus.ACCEPTED;
            case NEEDS_REVIEW, NON_COMPLIANT -> RecordStatus.IN_REVIEW;
        };
    }

    private static int count(CheckResult result, FindingKind kind) {
        return (int) result.findings().stream().filter(f -> f.kind() == kind).count();
    }

    private static Submission valid(SubmissionReader.Result read, String prefix) {
        if (!read.valid()) {
            throw new FilingException.Invalid(read.errors().stream()
                    .map(e -> new FieldError(prefix + e.field(), e.zh(), e.en())).toList());
        }
        return read.submission();
    }

    /** What the record shows of its latest registration or announcement. */
    record Summary(String schoolCode, String schoolName, String activityName, LocalDate activityStart,
            LocalDate activityEnd, LocalDate departure, LocalDate returnDate, String contactEmails) {
    }

    private static Summary summary(Submission submission) {
        if (submission instanceof Submission.ExchangeActivity a) {
            Set<String> emails = new LinkedHashSet<>();
            a.leaders().forEach(l -> emails.add(l.email()));
            return new Summary(a.school().code(), a.school().name(), a.activityName(), a.activityPeriod().start(),
                    a.activityPeriod().end(), a.travelPeriod() == null ? null : a.travelPeriod().departure(),
                    a.travelPeriod() == null ? null : a.travelPeriod().returnDate(), String.join(",", emails));
        }
        Submission.Announcement a = (Submission.Announcement) submission;
        return new Summary(a.school().code(), a.school().name(), a.activityName(), a.announcementPeriod().start(),
                a.announcementPeriod().end(), null, null, "");
    }

    private String write(Object value) {
        try {
            return jsonMapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String receiptOf(String answer) {
        try {
            return JSON.readTree(answer).path("receipt").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(JsonNode json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
