package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An API token as stored: only its SHA-256; it acts as its account. */
@MappedEntity("api_token")
record ApiToken(@Id @GeneratedValue @Nullable Long id, Long accountId, String name, String sha256, String createdBy,
        Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    ApiToken revoked(Instant at) {
        return new ApiToken(id, accountId, name, sha256, createdBy, createdAt, at, lastUsedAt);
    }
}
