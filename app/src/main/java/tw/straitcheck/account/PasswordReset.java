package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A forgotten-password link as stored: only its token's SHA-256, when it ends and when it was used. */
@MappedEntity("password_reset")
record PasswordReset(@Id @GeneratedValue @Nullable Long id, Long accountId, String sha256, Instant createdAt,
        Instant expiresAt, @Nullable Instant usedAt) {

    PasswordReset used(Instant at) {
        return new PasswordReset(id, accountId, sha256, createdAt, expiresAt, at);
    }
}
