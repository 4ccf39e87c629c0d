package tw.straitcheck.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.system.ApiErrors;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.TaipeiClock;

/** A record as {@code GET /api/submissions/{receipt}} shows it: the record, its versions, findings and history. */
@Singleton
public class RecordViews implements ApiErrors.CurrentState {

    /** The record's own fields, for lists and for the 409 answer. */
    @Serdeable
    public record Summary(String receipt, String type, RecordStatus status, Long lockVersion, String schoolCode,
            String schoolName, String activityName, @Nullable LocalDate activityStart, @Nullable LocalDate departure,
            int currentVersion, String verdict, int violations, int flags, @Nullable LocalDate postReportFiledOn,
            @Nullable Long approvedAmount, String filedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        public static Summary of(SubmissionRecord r) {
            return new Summary(r.receipt(), r.type(), r.status(), r.lockVersion(), r.schoolCode(), r.schoolName(),
                    r.activityName(), r.activityStart(), r.departure(), r.currentVersion(), r.verdict(), r.violations(),
                    r.flags(), r.postReportFiledOn(), r.approvedAmount(), r.filedBy(), TaipeiClock.at(r.createdAt()),
                    TaipeiClock.at(r.updatedAt()));
        }
    }

    /** The whole record: its summary, every version with its findings, and the history of its moves. */
    @Serdeable
    public record View(@JsonUnwrapped Summary record, List<Version> versions,
            List<History> history) {
    }

    /**
     * A version: what was submitted, the check's verdict with the rulebase that gave it, its findings,
     * files and (a results report's) photos.
     */
    @Serdeable
    public record Version(int number, VersionKind kind, LocalDate asOf, String verdict, String rulebaseVersion,
            String submittedBy, OffsetDateTime submittedAt, JsonNode submission, List<File> attachments,
            List<ReportPhotos.Shown> photos, List<Finding> findings) {
    }

    /** A finding as the check reported it, with its id (to mark it) and a reviewer's mark, if any. */
    @Serdeable
    public record Finding(long id, @JsonUnwrapped ReportedFinding finding,
            @JsonInclude(JsonInclude.Include.NON_NULL) FlagMarks.@Nullable Mark review) {
    }

    @Serdeable
    public record File(long id, String field, String filename, int sizeBytes, String sha256, String href) {
    }

    @Serdeable
    public record History(OffsetDateTime at, String actor, String action, @Nullable RecordStatus fromStatus,
            RecordStatus toStatus, @Nullable Integer versionNumber, @Nullable String comment) {
    }

    private final Repositories.Records records;
    private final Repositories.Versions versions;
    private final Repositories.Findings findings;
    private final Repositories.History history;
    private final Repositories.Attachments attachments;
    private final FlagMarks marks;
    private final ReportPhotos photos;
    private final JsonMapper json;

    RecordViews(Repositories.Records records, Repositories.Versions versions, Repositories.Findings findings,
            Repositories.History history, Repositories.Attachments attachments, FlagMarks marks, ReportPhotos photos,
            JsonMapper json) {
        this.records = records;
        this.versions = versions;
        this.findings = findings;
        this.history = history;
        this.attachments = attachments;
        this.marks = marks;
        this.photos = photos;
        this.json = json;
    }

    /** A conflict's answer carries the record's summary as it is now. */
    @Override
    @Transactional
    public Optional<Object> of(String receipt) {
        return records.findByReceipt(receipt).map(Summary::of);
    }

    @Transactional
    public View view(String receipt) {
        return view(records.findByReceipt(receipt).orElseThrow(() -> ApiException.noRecord()));
    }

    @Transactional
    public View view(SubmissionRecord record) {
        Map<Long, FlagMarks.Mark> marked = marks.of(record.id());
        List<Version> versionViews = versions.findByRecordIdOrderByNumber(record.id()).stream().map(v -> new Version(
                v.number(), v.kind(), v.asOf(), v.verdict(), v.rulebaseVersion(), v.submittedBy(),
                TaipeiClock.at(v.createdAt()), read(v.submitted(), JsonNode.class),
                attachments.findByVersionId(v.id()).stream().map(a -> new File(a.id(), a.field(), a.filename(),
                        a.sizeBytes(), a.sha256(), "/api/submissions/" + record.receipt() + "/attachments/" + a.id()))
                        .toList(),
                photos.ofVersion(record, v.id()),
                findings.findByVersionIdOrderById(v.id()).stream().map(f -> new Finding(f.id(),
                        read(f.body(), ReportedFinding.class), marked.get(f.id()))).toList()))
                .toList();
        List<History> moves = history.findByRecordIdOrderById(record.id()).stream().map(h -> new History(
                TaipeiClock.at(h.at()), h.actor(), h.action(), h.fromStatus(), h.toStatus(), h.versionNumber(),
                h.comment())).toList();
        return new View(Summary.of(record), versionViews, moves);
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
