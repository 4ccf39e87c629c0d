package tw.straitcheck.records;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.checking.Evidence;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.system.TaipeiClock;

/**
 * Keeps records: a new record with its first version, each later version with the check that
 * judged it, its findings, the files that came with it and the history entry, all in the caller's
 * transaction; and publishes {@link SubmissionFiled} so that the mail is written in it too. The
 * only writer of the record tables besides {@link RecordMoves}.
 */
@Singleton
public class RecordStore {

    private final Repositories.Records records;
    private final Repositories.Versions versions;
    private final Repositories.Findings findings;
    private final Repositories.History history;
    private final Repositories.Attachments attachments;
    private final ApplicationEventPublisher<SubmissionFiled> events;
    private final JsonMapper json;

    RecordStore(Repositories.Records records, Repositories.Versions versions, Repositories.Findings findings,
            Repositories.History history, Repositories.Attachments attachments,
            ApplicationEventPublisher<SubmissionFiled> events, JsonMapper json) {
        this.records = records;
        this.versions = versions;
        this.findings = findings;
        this.history = history;
        this.attachments = attachments;
        this.events = events;
        this.json = json;
    }

    /** What the record shows of its latest registration or announcement. */
    public record Summary(String schoolCode, String schoolName, String activityName, LocalDate activityStart,
            LocalDate activityEnd, @Nullable LocalDate departure, @Nullable LocalDate returnDate) {
    }

    /** A file that came with a version, and the text extracted from it. */
    public record NewFile(String field, String filename, String contentType, byte[] content, String sha256, String text) {
    }

    /**
     * A version to keep: what was submitted, how the registration stands after it (null for
     * versions that do not change it), the check, who filed it, the history action, and its files.
     */
    public record NewVersion(VersionKind kind, String submitted, @Nullable String registration, CheckResult result,
            String actor, Instant at, String action, List<NewFile> files) {
    }

    /** The record as kept after a filing, and the number of the version the filing made. */
    public record Kept(SubmissionRecord record, int version) {
    }

    @Transactional
    public Optional<SubmissionRecord> find(String receipt) {
        return records.findByReceipt(receipt);
    }

    /** The record, locked for the rest of the transaction: changes to one record are filed one at a time. */
    @Transactional
    public Optional<SubmissionRecord> lock(String receipt) {
        return records.findByReceiptForUpdate(receipt);
    }

    /** A new record (a registration or an announcement) with its first version. */
    @Transactional
    public Kept open(String receipt, String type, Summary summary, RecordStatus status, NewVersion v) {
        CheckResult result = v.result();
        SubmissionRecord record = records.save(new SubmissionRecord(null, receipt, type, status, summary.schoolCode(),
                summary.schoolName(), summary.activityName(), summary.activityStart(), summary.activityEnd(),
                summary.departure(), summary.returnDate(), 1, result.verdict().name(),
                count(result, FindingKind.VIOLATION), count(result, FindingKind.FLAG), null, null,
                v.actor(), v.at(), v.at(), null));
        keep(record, null, 1, v);
        return new Kept(record, 1);
    }

    /**
     * A new version of a record. With a {@code summary} the version re-judges the record (a change
     * or a resubmission); without one it leaves the record's verdict alone (a post-activity report).
     */
    @Transactional
    public Kept addVersion(SubmissionRecord record, @Nullable Summary summary, RecordStatus status,
            @Nullable LocalDate postReportFiledOn, NewVersion v) {
        int number = record.currentVersion() + 1;
        SubmissionRecord base = postReportFiledOn != null && record.postReportFiledOn() == null
                ? record.withPostReportFiledOn(postReportFiledOn) : record;
        SubmissionRecord updated = records.update(summary == null
                ? base.withVersion(number, status, v.at())
                : rejudged(base, number, summary, v.result(), status, v.at()));
        keep(updated, record.status(), number, v);
        return new Kept(updated, number);
    }

    /** A kept file as it was uploaded. */
    public record StoredFile(String filename, String contentType, byte[] content) {
    }

    /** The file with this id, if it was filed with a version of the record with this receipt. */
    @Transactional
    public Optional<StoredFile> attachment(String receipt, long id) {
        return records.findByReceipt(receipt).flatMap(record -> attachments.findById(id)
                .filter(a -> versions.findById(a.versionId()).filter(v -> v.recordId().equals(record.id())).isPresent())
                .map(a -> new StoredFile(a.filename(), a.contentType(), a.content())));
    }

    /** A finding kept with one of the record's versions. */
    @Transactional
    public Optional<StoredFinding> finding(SubmissionRecord record, long findingId) {
        return findings.findById(findingId).filter(f -> f.recordId().equals(record.id()));
    }

    /**
     * The finding {@code ruleId} as the check reported it for the version the record's verdict comes
     * from (its latest version other than a post-activity report), if that check raised it.
     */
    @Transactional
    public Optional<ReportedFinding> judgedFinding(SubmissionRecord record, String ruleId) {
        List<SubmissionVersion> all = versions.findByRecordIdOrderByNumber(record.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).kind().judgesTheRecord()) {
                return findings.findByVersionIdOrderById(all.get(i).id()).stream()
                        .filter(f -> f.ruleId().equals(ruleId))
                        .findFirst()
                        .map(f -> read(f.body(), ReportedFinding.class));
            }
        }
        return Optional.empty();
    }

    /** The ids of the flags of the version the record's verdict comes from (not a post-activity report's). */
    @Transactional
    public List<Long> flagsOfJudgedVersion(SubmissionRecord record) {
        return findings.flagsOfJudgedVersion(record.id());
    }

    /**
     * A kept version as the applicant's history needs it: its kind, the day it was checked on,
     * what was submitted (JSON) and the ruleIds its check raised.
     */
    public record PastVersion(VersionKind kind, LocalDate asOf, String submitted, Set<String> ruleIds) {
    }

    /**
     * A record of a school or applicant, with the day it was decided (null while undecided) and,
     * for a subsidy application, its versions.
     */
    public record Past(SubmissionRecord record, @Nullable LocalDate decidedOn, List<PastVersion> versions) {
    }

    /**
     * Every record of the school or applicant with this code, for the history facts of a subsidy
     * application (SUBSIDY 3(3), 6(2)): a decision's day is that of the move to its current status.
     */
    @Transactional
    public List<Past> history(String schoolCode) {
        List<Past> past = new ArrayList<>();
        for (SubmissionRecord r : records.findBySchoolCode(schoolCode)) {
            LocalDate decidedOn = null;
            for (HistoryEntry h : history.findByRecordIdOrderById(r.id())) {
                if (h.toStatus() == r.status() && h.fromStatus() != h.toStatus()) {
                    decidedOn = TaipeiClock.at(h.at()).toLocalDate();
                }
            }
            List<PastVersion> kept = new ArrayList<>();
            // Only a subsidy application's versions (its application and results reports) are read
            // by the history facts; the platform's other records give their status and decision only.
            List<SubmissionVersion> read = r.isSubsidyApplication()
                    ? versions.findByRecordIdOrderByNumber(r.id()) : List.of();
            for (SubmissionVersion v : read) {
                Set<String> raised = new HashSet<>();
                findings.findByVersionIdOrderById(v.id()).forEach(f -> raised.add(f.ruleId()));
                kept.add(new PastVersion(v.kind(), v.asOf(), v.submitted(), Set.copyOf(raised)));
            }
            past.add(new Past(r, r.status().undecided() ? null : decidedOn, List.copyOf(kept)));
        }
        return List.copyOf(past);
    }

    /** The versions of a record of one kind, oldest first. */
    @Transactional
    public List<SubmissionVersion> versions(SubmissionRecord record, VersionKind kind) {
        return versions.findByRecordIdOrderByNumber(record.id()).stream().filter(v -> v.kind() == kind).toList();
    }

    /** How the registration of a record stands now (the JSON of its latest whole registration). */
    @Transactional
    public String currentRegistration(SubmissionRecord record) {
        List<SubmissionVersion> all = versions.findByRecordIdOrderByNumber(record.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).registration() != null) {
                return all.get(i).registration();
            }
        }
        throw new IllegalStateException("record " + record.receipt() + " has no registration version");
    }

    private void keep(SubmissionRecord record, @Nullable RecordStatus from, int number, NewVersion v) {
        CheckResult result = v.result();
        SubmissionVersion version = versions.save(new SubmissionVersion(null, record.id(), number, v.kind(),
                v.submitted(), v.registration(), result.asOf(), result.verdict().name(), result.rulebaseVersion(),
                v.actor(), v.at()));
        for (ReportedFinding f : result.findings()) {
            Evidence first = f.evidence().isEmpty() ? null : f.evidence().get(0);
            String keyword = first != null && first.context() != null ? first.matched() : null;
            findings.save(new StoredFinding(null, record.id(), version.id(), f.ruleId(), f.kind().name(), f.due(),
                    f.subject(), first == null ? null : first.field(), keyword, write(f)));
        }
        for (NewFile file : v.files()) {
            attachments.save(new Attachment(null, version.id(), file.field(), file.filename(), file.contentType(),
                    file.content().length, file.sha256(), file.content(), file.text(), v.at()));
        }
        history.save(new HistoryEntry(null, record.id(), v.at(), v.actor(), v.action(), from, record.status(), number, null));
        events.publishEvent(new SubmissionFiled(record, version, result));
    }

    private static SubmissionRecord rejudged(SubmissionRecord r, int number, Summary s, CheckResult result,
            RecordStatus status, Instant now) {
        return new SubmissionRecord(r.id(), r.receipt(), r.type(), status, s.schoolCode(), s.schoolName(),
                s.activityName(), s.activityStart(), s.activityEnd(), s.departure(), s.returnDate(), number,
                result.verdict().name(), count(result, FindingKind.VIOLATION), count(result, FindingKind.FLAG),
                r.postReportFiledOn(), r.approvedAmount(), r.filedBy(), r.createdAt(), now,
                r.lockVersion());
    }

    private static int count(CheckResult result, FindingKind kind) {
        return (int) result.findings().stream().filter(f -> f.kind() == kind).count();
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
