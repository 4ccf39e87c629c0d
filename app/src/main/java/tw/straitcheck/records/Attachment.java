package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An uploaded file kept with the version it came with, and the text extracted from it. */
@MappedEntity("attachment")
public record Attachment(
        @Id @GeneratedValue @Nullable Long id,
        Long versionId,
        String field,
        String filename,
        String contentType,
        int sizeBytes,
        String sha256,
        byte[] content,
        String extractedText,
        Instant createdAt) {
}
