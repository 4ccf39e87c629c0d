package tw.straitcheck.subsidy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tw.straitcheck.account.Access;
import tw.straitcheck.account.Actor;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.checking.facts.ExecutionRate;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.records.ReportPhotos;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.records.SubmissionVersion;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.JsonBodies;
import tw.straitcheck.system.TaipeiClock;

/**
 * A subsidy's results report as the pages and the printable PDF show it (RESULTS_SYSTEM 1 to 4-3):
 * the application it reports on, its latest version with each item's execution rate and the
 * overall one as the catalogue rounds them ({@link ExecutionRate#shown}: 91.95%, 94.81%), its
 * photos and findings, and until when the school may still edit it.
 */
@Singleton
public class ResultsReports {

    private final RecordStore store;
    private final RecordViews views;
    private final ReportPhotos photos;
    private final Clock clock;

    ResultsReports(RecordStore store, RecordViews views, ReportPhotos photos, Clock clock) {
        this.store = store;
        this.views = views;
        this.photos = photos;
        this.clock = clock;
    }

    /** One expenditure item with its rate (null when nothing was approved for it). */
    public record Item(String item, long approved, long actual, @Nullable BigDecimal rate, String note) {
    }

    /** A filed version of the report. */
    public record Report(RecordViews.Version version, Submission.ResultsReport submitted, List<Item> items,
            long approvedTotal, long actualTotal, @Nullable BigDecimal overallRate, List<ReportPhotos.Shown> photos,
            List<ReportedFinding> findings) {
    }

    /**
     * The subsidy and its report: {@code report} is null until one is filed; {@code editable}
     * whether the school may still file a version (approved, and today is not after {@code due}).
     */
    public record View(RecordViews.Summary record, Submission.SubsidyApplication application,
            RecordViews.Version applicationVersion, List<ReportedFinding> applicationFindings, @Nullable Report report,
            @Nullable LocalDate due, boolean editable) {
    }

    /** The subsidy application record, if the actor may read it. */
    public Optional<SubmissionRecord> readable(String receipt, Actor actor) {
        return store.find(receipt).filter(SubmissionRecord::isSubsidyApplication)
                .filter(r -> Access.mayRead(actor, r.schoolCode(), r.status() != RecordStatus.WITHDRAWN));
    }

    public View view(SubmissionRecord record) {
        RecordViews.View whole = views.view(record);
        SubmissionVersion applied = lastOf(record, VersionKind.SUBSIDY_APPLICATION, VersionKind.RESUBMISSION)
                .orElseThrow(() -> ApiException.noRecord());
        RecordViews.Version applicationVersion = version(whole, applied.number());
        Submission.SubsidyApplication application = (Submission.SubsidyApplication) read(applied);
        Report report = lastOf(record, VersionKind.RESULTS_REPORT).map(v -> report(record, whole, v)).orElse(null);
        LocalDate due = store.judgedFinding(record, "OBL.SUBSIDY_RESULTS_REPORT").map(ReportedFinding::due).orElse(null);
        boolean editable = record.status() == RecordStatus.APPROVED
                && (due == null || !TaipeiClock.today(clock).isAfter(due));
        return new View(whole.record(), application, applicationVersion, findings(applicationVersion), report, due,
                editable);
    }

    /** The photos of a version as {@code data:} URIs, for the PDF (which fetches nothing). */
    public List<String> inlinePhotos(SubmissionRecord record, List<ReportPhotos.Shown> shown) {
        return shown.stream().map(p -> photos.image(record, p.id()).map(i -> "data:" + i.contentType() + ";base64,"
                + Base64.getEncoder().encodeToString(i.content())).orElseThrow()).toList();
    }

    /** Rates as the catalogue rounds them, for a page that shows amounts not yet filed. */
    public static @Nullable BigDecimal rate(long actual, long approved) {
        return ExecutionRate.shown(actual, approved);
    }

    private Report report(SubmissionRecord record, RecordViews.View whole, SubmissionVersion kept) {
        Submission.ResultsReport submitted = (Submission.ResultsReport) read(kept);
        List<Item> items = submitted.expenditure() == null ? List.of() : submitted.expenditure().stream()
                .map(e -> new Item(e.item(), e.approved(), e.actual(), ExecutionRate.shown(e.actual(), e.approved()),
                        e.note() == null ? "" : e.note())).toList();
        long approved = items.stream().mapToLong(Item::approved).sum();
        long actual = items.stream().mapToLong(Item::actual).sum();
        RecordViews.Version version = version(whole, kept.number());
        return new Report(version, submitted, items, approved, actual, ExecutionRate.shown(actual, approved),
                version.photos(), findings(version));
    }

    private static List<ReportedFinding> findings(RecordViews.Version version) {
        return version.findings().stream().map(RecordViews.Finding::finding).toList();
    }

    private static RecordViews.Version version(RecordViews.View whole, int number) {
        return whole.versions().stream().filter(v -> v.number() == number).findFirst().orElseThrow();
    }

    private Optional<SubmissionVersion> lastOf(SubmissionRecord record, VersionKind... kinds) {
        Optional<SubmissionVersion> last = Optional.empty();
        for (VersionKind kind : kinds) {
            for (SubmissionVersion v : store.versions(record, kind)) {
                if (last.isEmpty() || v.number() > last.get().number()) {
                    last = Optional.of(v);
                }
            }
        }
        return last;
    }

    private static Submission read(SubmissionVersion version) {
        JsonNode json = JsonBodies.parse(version.submitted().getBytes(StandardCharsets.UTF_8));
        return SubmissionReader.read(json).orRefuse();
    }
}
