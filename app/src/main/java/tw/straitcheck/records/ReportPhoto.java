package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A photo of a results report (RESULTS_SYSTEM 4-3 活動照片), kept once with its caption; the
 * versions that show it are {@link ReportPhotoPlace}s.
 */
@MappedEntity("results_report_photo")
public record ReportPhoto(
        @Id @GeneratedValue @Nullable Long id,
        Long recordId,
        String caption,
        String filename,
        String contentType,
        int sizeBytes,
        int width,
        int height,
        String sha256,
        byte[] content,
        Instant createdAt) {
}
