package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.ReportPhotos;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.records.SubmissionVersion;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionJson;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * Files submissions: validates, checks and stores in one transaction the submission, the verdict,
 * every finding and the rulebase version, moves the record's status and writes its history (the
 * {@link RecordStore} keeps them, and its event the mail). Invalid input stores nothing.
 */
@Singleton
public class SubmissionService {

    private final MeteredChecks checks;
    private final Clock clock;
    private final Receipts receipts;
    private final IdempotencyKeys idempotencyKeys;
    private final RecordStore store;
    private final StoredHistory storedHistory;
    private final ReportPhotos reportPhotos;
    private final JsonMapper jsonMapper;

    SubmissionService(MeteredChecks checks, Clock clock, Receipts receipts, IdempotencyKeys idempotencyKeys,
            RecordStore store, StoredHistory storedHistory, ReportPhotos reportPhotos, JsonMapper jsonMapper) {
        this.checks = checks;
        this.clock = clock;
        this.receipts = receipts;
        this.idempotencyKeys = idempotencyKeys;
        this.store = store;
        this.storedHistory = storedHistory;
        this.reportPhotos = reportPhotos;
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
    public Answer file(JsonNode json, Filer filer, @Nullable String idempotencyKey) {
        return file(json, filer, idempotencyKey, List.of());
    }

    /**
     * Files a submission that came with files, already checked and read: their text goes into the
     * submission's field before it is checked (the file is what was filed), and the files are kept
     * with the version this filing makes, in the same transaction.
     */
    @Transactional
    public Answer file(JsonNode json, Filer filer, @Nullable String idempotencyKey, List<Upload> uploads) {
        return file(json, filer, idempotencyKey, uploads, PhotoChange.NONE);
    }

    /**
     * The photos a results report's filing removes from its previous version and adds (each
     * already checked, {@link PhotoCheck}); every other filing changes none.
     */
    record PhotoChange(Set<Long> removed, List<ReportPhotos.NewPhoto> added) {
        static final PhotoChange NONE = new PhotoChange(Set.of(), List.of());
    }

    @Transactional
    Answer file(JsonNode json, Filer filer, @Nullable String idempotencyKey, List<Upload> uploads,
            PhotoChange photoChange) {
        Instant now = clock.instant();
        if (idempotencyKey != null) {
            // a key is the filer's own: another account's retry with the same key is a filing of its own
            Optional<IdempotencyKeys.First> first = idempotencyKeys.claim(IdempotencyKeys.scoped(filer.name(),
                    idempotencyKey), hash(json, uploads), now);
            if (first.isPresent()) {
                return new Answer(first.get().answer(), first.get().receipt(), true);
            }
        }
        Submission submission = SubmissionReader.readWithStore(json).orRefuse();
        for (Upload upload : uploads) {
            submission = submission.withFileText(upload.field(), upload.text());
        }
        Filing filing = fileOnce(submission, filer, new Received(keptAsSubmitted(json, submission, uploads),
                filer.name(), now, files(uploads), photoChange));
        String answer = write(filing);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(IdempotencyKeys.scoped(filer.name(), idempotencyKey), filing.receipt(), answer);
        }
        return new Answer(answer, filing.receipt(), false);
    }

    /** The school's corrected submission of a RETURNED record: checked again as a whole. */
    @Transactional
    public Answer resubmit(String receipt, JsonNode json, Filer filer) {
        Instant now = clock.instant();
        SubmissionRecord record = store.lock(receipt).filter(r -> filer.mayFileFor(r.schoolCode()))
                .orElseThrow(() -> ApiException.noRecord());
        if (record.status() != RecordStatus.RETURNED) {
            throw ApiException.conflict(receipt, Messages.of("conflict.resubmit-not-returned"));
        }
        Submission submission = SubmissionReader.readWithStore(json).orRefuse();
        if (!submission.type().equals(record.type())) {
            throw ApiException.invalid(List.of(FieldError.of("type", "field.same-type", record.type())));
        }
        filer.checkFilesFor(schoolOf(submission));
        CheckResult result = checks.check(submission, SubmissionFacts.of(submission, TaipeiClock.today(clock)));
        Received received = new Received(json.toString(), filer.name(), now, List.of(), PhotoChange.NONE);
        Filing filing = addVersion(record, VersionKind.RESUBMISSION, received,
                submission instanceof Submission.ExchangeActivity a ? a : null, summary(submission), result,
                "RESUBMITTED", statusFor(result));
        return new Answer(write(filing), receipt, false);
    }

    /**
     * A check that stores nothing ({@code POST /api/checks}). A change notice that names a kept
     * registration is checked as that registration stands after the change, as its filing would be,
     * and a results report naming its approved subsidy with that subsidy's period and amount; only
     * for the record's own school ({@code filer}), so the open check shows nothing kept to anyone else.
     */
    public CheckResult preCheck(Submission submission, LocalDate asOf, @Nullable Filer filer) {
        if (submission instanceof Submission.Change change) {
            Optional<SubmissionRecord> registration = store.find(change.registrationId())
                    .filter(r -> Submission.ExchangeActivity.TYPE.equals(r.type()))
                    .filter(r -> filer != null && filer.mayFileFor(r.schoolCode()));
            if (registration.isPresent()) {
                return checks.check(change, SubmissionFacts.of(changed(registration.get(), change), asOf));
            }
        }
        if (submission instanceof Submission.ResultsReport report) {
            Optional<SubmissionRecord> subsidy = store.find(report.subsidyId()).filter(this::approvedSubsidy)
                    .filter(r -> filer != null && filer.mayFileFor(r.schoolCode()));
            if (subsidy.isPresent()) {
                return checks.check(report, SubmissionFacts.of(ofSubsidy(subsidy.get(), report), asOf));
            }
            if (report.activityPeriod() == null) {
                // not a subsidy this filer holds here: the report's own period is the one to check
                throw ApiException.invalid(FieldError.of("activityPeriod", "field.required-without-subsidy"));
            }
        }
        boolean own = filer != null && submission instanceof Submission.SubsidyApplication a
                && filer.mayFileFor(a.applicant().code());
        return checks.check(submission, SubmissionFacts.of(submission, asOf, own ? history(submission) : List.of()));
    }

    /**
     * A subsidy application is checked with its applicant's kept records (SUBSIDY 3(3), 6(2)); the
     * open pre-check uses them only for the applicant's own accounts.
     */
    private List<Object> history(Submission submission) {
        return submission instanceof Submission.SubsidyApplication a ? storedHistory.of(a.applicant().code()) : List.of();
    }

    /** What came with the request: the JSON as received, who sent it, when, its files and photos. */
    private record Received(String json, String actor, Instant at, List<RecordStore.NewFile> files,
            PhotoChange photos) {
    }

    private Filing fileOnce(Submission submission, Filer filer, Received received) {
        LocalDate asOf = TaipeiClock.today(clock);
        if (submission instanceof Submission.Change change) {
            return fileChange(change, filer, received, asOf);
        }
        if (submission instanceof Submission.PostActivityReport report) {
            return filePostActivityReport(report, filer, received, asOf);
        }
        if (submission instanceof Submission.ResultsReport report) {
            return fileResultsReport(report, filer, received, asOf);
        }
        filer.checkFilesFor(schoolOf(submission));
        CheckResult result = checks.check(submission, SubmissionFacts.of(submission, asOf, history(submission)));
        VersionKind kind = submission instanceof Submission.ExchangeActivity ? VersionKind.REGISTRATION
                : submission instanceof Submission.SubsidyApplication ? VersionKind.SUBSIDY_APPLICATION
                : VersionKind.ANNOUNCEMENT;
        // The ministry decides every subsidy application and its amount (SUBSIDY 4(2)): always reviewed.
        RecordStatus status = kind == VersionKind.SUBSIDY_APPLICATION ? RecordStatus.IN_REVIEW : statusFor(result);
        String action = switch (kind) {
            case REGISTRATION -> "REGISTERED";
            case SUBSIDY_APPLICATION -> "SUBSIDY_APPLIED";
            default -> "ANNOUNCED";
        };
        RecordStore.Kept kept = store.open(receipts.next(asOf), submission.type(), summary(submission), status,
                new RecordStore.NewVersion(kind, received.json(), registrationOf(submission), result, received.actor(),
                        received.at(), action, received.files()));
        return Filing.of(kept.record(), kept.version(), result);
    }

    /**
     * 成果報告: a version of the approved subsidy it names, judged with the subsidy's activity period
     * and approved amount; the school may file it again (a new version) until its due (SUBSIDY 6(1);
     * RESULTS_SYSTEM: 於規定期限內皆可修改). The record's status and verdict stay the application's.
     */
    private Filing fileResultsReport(Submission.ResultsReport report, Filer filer, Received received, LocalDate asOf) {
        // another school's subsidy is answered as none
        SubmissionRecord subsidy = store.lock(report.subsidyId()).filter(this::approvedSubsidy)
                .filter(r -> filer.mayFileFor(r.schoolCode())).orElseThrow(() ->
                ApiException.invalid(FieldError.of("subsidyId", "field.subsidy-not-approved")));
        List<SubmissionVersion> earlier = store.versions(subsidy, VersionKind.RESULTS_REPORT);
        if (!earlier.isEmpty()) {
            Optional<LocalDate> due = store.judgedFinding(subsidy, "OBL.SUBSIDY_RESULTS_REPORT").map(f -> f.due());
            if (due.isPresent() && asOf.isAfter(due.get())) {
                throw ApiException.conflict(subsidy.receipt(), Messages.of("conflict.results-report-due-passed",
                        due.get()));
            }
        }
        CheckResult result = checks.check(report, SubmissionFacts.of(ofSubsidy(subsidy, report), asOf));
        RecordStore.Kept kept = store.addVersion(subsidy, null, subsidy.status(), null,
                new RecordStore.NewVersion(VersionKind.RESULTS_REPORT, received.json(), null, result, received.actor(),
                        received.at(), earlier.isEmpty() ? "RESULTS_REPORTED" : "RESULTS_REPORT_EDITED",
                        received.files()));
        // the report's photos stay with each new version unless removed (RESULTS_SYSTEM 4-3)
        reportPhotos.place(kept.record(), earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).number(),
                kept.version(), received.photos().removed(), received.photos().added(), received.at());
        return Filing.of(kept.record(), kept.version(), result);
    }

    private boolean approvedSubsidy(SubmissionRecord record) {
        return record.isSubsidyApplication() && record.status() == RecordStatus.APPROVED;
    }

    /**
     * The report as the kept subsidy has it: its activity period and its approved amount, which the
     * report must repeat (submission.md section 7: a differing one is a field error).
     */
    private static Submission.ResultsReport ofSubsidy(SubmissionRecord subsidy, Submission.ResultsReport report) {
        List<FieldError> errors = new ArrayList<>();
        if (report.approvedTotal() != null && !report.approvedTotal().equals(subsidy.approvedAmount())) {
            errors.add(FieldError.of("approvedTotal", "field.approved-total-mismatch", subsidy.approvedAmount()));
        }
        Submission.DateRange period = new Submission.DateRange(subsidy.activityStart(), subsidy.activityEnd());
        if (report.activityPeriod() != null && !report.activityPeriod().equals(period)) {
            errors.add(FieldError.of("activityPeriod", "field.activity-period-mismatch", period.start(), period.end()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Submission.ResultsReport(report.subsidyId(), period, report.held(), subsidy.approvedAmount(),
                report.expenditure(), report.progress(), report.outcomes(), report.highlights(),
                report.statementOfAccountsAttached());
    }

    /** 活動變更通報: the registration as changed is checked again as a whole, plus the 3-day rule. */
    private Filing fileChange(Submission.Change change, Filer filer, Received received, LocalDate asOf) {
        SubmissionRecord record = openRegistration(change.registrationId(), filer);
        Submission.Change whole = changed(record, change);
        CheckResult result = checks.check(change, SubmissionFacts.of(whole, asOf));
        return addVersion(record, VersionKind.CHANGE, received, whole.changes().values(), summary(whole.changes().values()),
                result, "CHANGE_REPORTED", statusFor(result));
    }

    /** The change notice with the registration as it stands after it: the kept one, patched. */
    private Submission.Change changed(SubmissionRecord record, Submission.Change change) {
        Submission.ExchangeActivity registration = change.changes()
                .applyTo(SubmissionJson.readRegistration(store.currentRegistration(record)));
        List<FieldError> errors = SubmissionReader.wholeErrors(registration, "changes.");
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Submission.Change(change.registrationId(), change.changeOccurredOn(),
                Submission.RegistrationChanges.whole(registration), change.reason());
    }

    /** 事後登錄: judged against the registration's dates; it closes the reporting obligation. */
    private Filing filePostActivityReport(Submission.PostActivityReport report, Filer filer, Received received,
            LocalDate asOf) {
        SubmissionRecord record = openRegistration(report.registrationId(), filer);
        Submission.ExchangeActivity registration = SubmissionJson.readRegistration(store.currentRegistration(record));
        Submission.PostActivityReport dated = new Submission.PostActivityReport(report.registrationId(), report.held(),
                report.actualPeriod(), report.actualStudents(), report.difficulties(), report.reflections(),
                report.activityPeriod() != null ? report.activityPeriod() : registration.activityPeriod(),
                report.travelPeriod() != null ? report.travelPeriod() : registration.travelPeriod());
        CheckResult result = checks.check(report, SubmissionFacts.of(dated, asOf));
        RecordStore.Kept kept = store.addVersion(record, null, record.status(), asOf,
                new RecordStore.NewVersion(VersionKind.POST_ACTIVITY_REPORT, received.json(), null, result,
                        received.actor(), received.at(), "POST_REPORT_FILED", received.files()));
        return Filing.of(kept.record(), kept.version(), result);
    }

    private Filing addVersion(SubmissionRecord record, VersionKind kind, Received received,
            Submission.@Nullable ExchangeActivity registration, RecordStore.Summary summary, CheckResult result,
            String action, RecordStatus status) {
        RecordStore.Kept kept = store.addVersion(record, summary, status, null, new RecordStore.NewVersion(kind,
                received.json(), registration == null ? null : SubmissionJson.write(registration), result,
                received.actor(), received.at(), action, received.files()));
        return Filing.of(kept.record(), kept.version(), result);
    }

    /** The registration a change or a report names; another school's is answered as none. */
    private SubmissionRecord openRegistration(String receipt, Filer filer) {
        SubmissionRecord record = store.lock(receipt).filter(r -> filer.mayFileFor(r.schoolCode())).orElseThrow(() ->
                ApiException.invalid(List.of(FieldError.of("registrationId", "field.no-registration", receipt))));
        if (!Submission.ExchangeActivity.TYPE.equals(record.type())) {
            throw ApiException.invalid(List.of(FieldError.of("registrationId", "field.not-exchange-activity")));
        }
        if (!record.status().open()) {
            throw ApiException.conflict(receipt, Messages.of(record.status() == RecordStatus.REJECTED
                    ? "conflict.closed-rejected" : "conflict.closed-withdrawn", record.status()));
        }
        return record;
    }

    private static RecordStatus statusFor(CheckResult result) {
        return switch (result.verdict()) {
            case COMPLIANT -> RecordStatus.ACCEPTED;
            case NEEDS_REVIEW, NON_COMPLIANT -> RecordStatus.IN_REVIEW;
        };
    }

    /** The school a registration or an announcement is filed for. */
    private static String schoolOf(Submission submission) {
        return summary(submission).schoolCode();
    }

    private static String registrationOf(Submission submission) {
        return submission instanceof Submission.ExchangeActivity a ? SubmissionJson.write(a) : null;
    }

    private static RecordStore.Summary summary(Submission submission) {
        if (submission instanceof Submission.ExchangeActivity a) {
            return new RecordStore.Summary(a.school().code(), a.school().name(), a.activityName(),
                    a.activityPeriod().start(), a.activityPeriod().end(),
                    a.travelPeriod() == null ? null : a.travelPeriod().departure(),
                    a.travelPeriod() == null ? null : a.travelPeriod().returnDate());
        }
        if (submission instanceof Submission.SubsidyApplication a) {
            return new RecordStore.Summary(a.applicant().code(), a.applicant().name(), a.activityName(),
                    a.activityPeriod().start(), a.activityPeriod().end(), null, null);
        }
        Submission.Announcement a = (Submission.Announcement) submission;
        return new RecordStore.Summary(a.school().code(), a.school().name(), a.activityName(),
                a.announcementPeriod().start(), a.announcementPeriod().end(), null, null);
    }

    /** What was submitted, as it is kept: the JSON as received, with the text of its files where it was judged. */
    private static String keptAsSubmitted(JsonNode json, Submission submission, List<Upload> uploads) {
        if (uploads.isEmpty()) {
            return json.toString();
        }
        ObjectNode kept = ((ObjectNode) json).deepCopy();
        ObjectNode fields = submission instanceof Submission.Change ? kept.with("changes") : kept;
        uploads.forEach(u -> fields.put(u.field(), u.text()));
        return kept.toString();
    }

    private static List<RecordStore.NewFile> files(List<Upload> uploads) {
        return uploads.stream().map(u -> new RecordStore.NewFile(u.field(), u.filename(), u.contentType(), u.content(),
                u.sha256(), u.text())).toList();
    }

    private String write(Object value) {
        try {
            return jsonMapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request as the idempotency key binds it: the JSON and each file's SHA-256. */
    private static String hash(JsonNode json, List<Upload> uploads) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(json.toString().getBytes(StandardCharsets.UTF_8));
            uploads.forEach(u -> digest.update(("\n" + u.field() + ":" + u.sha256()).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
