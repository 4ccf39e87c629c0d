package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;

/**
 * A finding as stored with the version that raised it ({@code body} is the finding as the check
 * reported it); {@code keyword} is the list entry a keyword flag matched.
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
        @TypeDef(type = DataType.JSON) String body) {
}
