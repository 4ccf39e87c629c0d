package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A photo's place (圖片一 to 圖片六) in one version of a results report. */
@MappedEntity("results_report_photo_version")
public record ReportPhotoPlace(
        @Id @GeneratedValue @Nullable Long id,
        Long versionId,
        Long photoId,
        int position) {
}
