package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.ReportPhotos;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.records.SubmissionVersion;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;
import tw.straitcheck.system.Messages;

/**
 * Adds photos to a filed results report, or removes one, while the report may still be edited
 * (RESULTS_SYSTEM: 於規定期限內皆可修改). Each change is a save: the report as last filed is filed
 * again as a new version showing the new set of photos, so every version reads as it stood.
 * A refused photo stores nothing; the report itself must be filed first.
 */
@Singleton
public class ReportPhotoEdits {

    private final SubmissionService service;
    private final RecordStore store;
    private final ReportPhotos photos;

    ReportPhotoEdits(SubmissionService service, RecordStore store, ReportPhotos photos) {
        this.service = service;
        this.store = store;
        this.photos = photos;
    }

    /** A photo as the form sent it: the file and its caption. */
    public record Incoming(@Nullable String filename, @Nullable byte[] content, @Nullable String caption) {
    }

    @Transactional
    public SubmissionService.Answer add(String receipt, Filer filer, List<Incoming> added) {
        SubmissionRecord record = subsidy(receipt, filer);
        SubmissionVersion latest = latestReport(record);
        int shown = photos.of(record, latest.number()).size();
        List<FieldError> errors = new ArrayList<>();
        if (added.isEmpty()) {
            errors.add(FieldError.of("photos[0]", "page.results.photo.missing"));
        }
        if (shown + added.size() > ReportPhotos.MAX_PHOTOS) {
            errors.add(FieldError.of("photos", "page.results.photo.too-many", ReportPhotos.MAX_PHOTOS, shown));
        }
        List<ReportPhotos.NewPhoto> checked = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            Incoming in = added.get(i);
            PhotoCheck.Checked c = PhotoCheck.check("photos[" + i + "]", in.filename(), in.content(), in.caption());
            errors.addAll(c.errors());
            if (c.photo() != null) {
                checked.add(c.photo());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return refile(latest, filer, new SubmissionService.PhotoChange(Set.of(), checked));
    }

    @Transactional
    public SubmissionService.Answer remove(String receipt, Filer filer, long photoId) {
        SubmissionRecord record = subsidy(receipt, filer);
        SubmissionVersion latest = latestReport(record);
        if (photos.of(record, latest.number()).stream().noneMatch(p -> p.id() == photoId)) {
            throw ApiException.notFound(Messages.of("page.results.photo.not-found"));
        }
        return refile(latest, filer, new SubmissionService.PhotoChange(Set.of(photoId), List.of()));
    }

    private SubmissionService.Answer refile(SubmissionVersion latest, Filer filer,
            SubmissionService.PhotoChange change) {
        return service.file(JsonBodies.parse(latest.submitted().getBytes(StandardCharsets.UTF_8)), filer, null,
                List.of(), change);
    }

    /** The school's own approved subsidy; another school's, or none, is answered as no record. */
    private SubmissionRecord subsidy(String receipt, Filer filer) {
        return store.lock(receipt).filter(r -> filer.mayFileFor(r.schoolCode()))
                .filter(r -> r.isSubsidyApplication() && r.status() == RecordStatus.APPROVED)
                .orElseThrow(ApiException::noRecord);
    }

    private SubmissionVersion latestReport(SubmissionRecord record) {
        List<SubmissionVersion> reports = store.versions(record, VersionKind.RESULTS_REPORT);
        if (reports.isEmpty()) {
            throw ApiException.conflict(record.receipt(), Messages.of("page.results.photo.report-first"));
        }
        return reports.get(reports.size() - 1);
    }
}
