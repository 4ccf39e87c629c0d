package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One move of a record: who, when, what, from which status to which, and why. Append-only. */
@Serdeable
@MappedEntity("status_history")
public record HistoryEntry(
        @Id @GeneratedValue @Nullable Long id,
        Long recordId,
        Instant at,
        String actor,
        String action,
        @Nullable RecordStatus fromStatus,
        RecordStatus toStatus,
        @Nullable Integer versionNumber,
        @Nullable String comment) {
}
