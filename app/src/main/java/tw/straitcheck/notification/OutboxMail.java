package tw.straitcheck.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A mail in the outbox: written in the transaction of what it reports (a filing, a decision, a
 * reminder), once per {@code dedupKey}, and sent later by the {@link OutboxWorker}.
 */
@MappedEntity("outbox")
public record OutboxMail(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long recordId,
        String purpose,
        String dedupKey,
        String recipients,
        String subject,
        String body,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt) {

    /** PENDING until sent; FAILED once the configured number of attempts has failed. */
    public enum Status { PENDING, SENT, FAILED }
}
