package tw.straitcheck.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A finding as stored with the version that raised it; a reviewer marks a flag CONFIRMED or
 * FALSE_POSITIVE. {@code keyword} is the list entry a keyword flag matched.
 */
@MappedEntity("finding")
public record StoredFinding(
        @Id @GeneratedValue @Nullable Long id,
        Long recordId,
        Long versionId,
        String ruleId,
        String kind,
        @Nullable LocalDate due,
        @Nullable String subject,
        @Nullable String field,
        @Nullable String keyword,
        @TypeDef(type = DataType.JSON) String body,
        @Nullable ReviewState reviewState,
        @Nullable String reviewNote,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt) {

    public enum ReviewState { CONFIRMED, FALSE_POSITIVE }
}
