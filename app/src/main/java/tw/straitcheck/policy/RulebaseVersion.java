package tw.straitcheck.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored rulebase version (its files are kept beside it): {@code version} is what checks record
 * as {@code rulebaseVersion}; {@code effectiveFrom} is the first {@code asOf} a published version
 * judges (null: from the beginning); {@code rollbackOf} names the earlier version a rollback copies.
 */
@Serdeable
public record RulebaseVersion(long id, String version, VersionState state, @Nullable Long basedOn,
        @Nullable Long rollbackOf, @Nullable LocalDate effectiveFrom, String author, String reason, Instant createdAt,
        @Nullable String approvedBy, @Nullable Instant approvedAt, @Nullable String publishedBy,
        @Nullable Instant publishedAt) {

    /** Whether it applies to a check on {@code asOf} if nothing later is in force. */
    public boolean inForceOn(LocalDate asOf) {
        return state == VersionState.PUBLISHED && (effectiveFrom == null || !effectiveFrom.isAfter(asOf));
    }
}
