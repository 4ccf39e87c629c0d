package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The photos of a record's results reports (RESULTS_SYSTEM 4-3), in the caller's transaction: a
 * new version of the report shows the photos of the version before it, less those removed, plus
 * those added, each in its place 1 to 6. The only writer of the photo tables.
 */
@Singleton
public class ReportPhotos {

    /** At most this many photos in a report (RESULTS_SYSTEM 4-3: 以6張為限). */
    public static final int MAX_PHOTOS = 6;

    private final Repositories.Versions versions;
    private final Repositories.Photos photos;
    private final Repositories.PhotoPlaces places;

    ReportPhotos(Repositories.Versions versions, Repositories.Photos photos, Repositories.PhotoPlaces places) {
        this.versions = versions;
        this.photos = photos;
        this.places = places;
    }

    /** A photo as a version shows it: its place, caption and where to fetch it. */
    @Serdeable
    public record Shown(long id, int position, String caption, String contentType, int sizeBytes, int width,
            int height, String href) {
    }

    /** A checked photo to add: its caption and the image as uploaded. */
    public record NewPhoto(String caption, String filename, String contentType, int width, int height, String sha256,
            byte[] content) {
    }

    /** A kept photo as it was uploaded. */
    public record Image(String contentType, byte[] content) {
    }

    /** The photos of the record's version {@code number}, in their places. */
    @Transactional
    public List<Shown> of(SubmissionRecord record, int number) {
        return versionId(record, number).map(id -> shown(record, id)).orElse(List.of());
    }

    /** The photos of one version (by its id), in their places. */
    @Transactional
    public List<Shown> ofVersion(SubmissionRecord record, long versionId) {
        return shown(record, versionId);
    }

    /**
     * Places the photos of version {@code to}: those of version {@code from} (none when null) except
     * {@code removed}, then {@code added}, renumbered 1, 2, 3... The caller has checked the count.
     */
    @Transactional
    public void place(SubmissionRecord record, @Nullable Integer from, int to, Set<Long> removed, List<NewPhoto> added,
            Instant at) {
        long target = versionId(record, to).orElseThrow();
        List<Long> kept = new ArrayList<>();
        if (from != null) {
            versionId(record, from).ifPresent(id -> places.findByVersionIdOrderByPosition(id).stream()
                    .map(ReportPhotoPlace::photoId).filter(p -> !removed.contains(p)).forEach(kept::add));
        }
        for (NewPhoto photo : added) {
            kept.add(photos.save(new ReportPhoto(null, record.id(), photo.caption(), photo.filename(),
                    photo.contentType(), photo.content().length, photo.width(), photo.height(), photo.sha256(),
                    photo.content(), at)).id());
        }
        if (kept.size() > MAX_PHOTOS) {
            throw new IllegalStateException("more than " + MAX_PHOTOS + " photos for " + record.receipt());
        }
        for (int i = 0; i < kept.size(); i++) {
            places.save(new ReportPhotoPlace(null, target, kept.get(i), i + 1));
        }
    }

    /** The image of a photo, if it belongs to this record. */
    @Transactional
    public Optional<Image> image(SubmissionRecord record, long photoId) {
        return photos.findById(photoId).filter(p -> p.recordId().equals(record.id()))
                .map(p -> new Image(p.contentType(), p.content()));
    }

    private List<Shown> shown(SubmissionRecord record, long versionId) {
        List<Shown> shown = new ArrayList<>();
        for (ReportPhotoPlace place : places.findByVersionIdOrderByPosition(versionId)) {
            ReportPhoto p = photos.findById(place.photoId()).orElseThrow();
            shown.add(new Shown(p.id(), place.position(), p.caption(), p.contentType(), p.sizeBytes(), p.width(),
                    p.height(), "/api/submissions/" + record.receipt() + "/photos/" + p.id()));
        }
        return shown;
    }

    private Optional<Long> versionId(SubmissionRecord record, int number) {
        return versions.findByRecordIdOrderByNumber(record.id()).stream().filter(v -> v.number() == number)
                .map(SubmissionVersion::id).findFirst();
    }
}
