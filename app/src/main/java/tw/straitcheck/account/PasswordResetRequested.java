package tw.straitcheck.account;

import java.time.Instant;

/**
 * Someone asked for a forgotten password's link for an enabled account: notification/ writes the
 * mail to the outbox in the same transaction. {@code link} holds the token itself, which exists
 * nowhere else (the database keeps its hash); {@code resetId} makes the mail once-only.
 */
public record PasswordResetRequested(long resetId, String address, String displayName, String link,
        Instant requestedAt, Instant expiresAt) {
}
