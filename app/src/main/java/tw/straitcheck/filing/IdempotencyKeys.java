package tw.straitcheck.filing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;

/**
 * {@code Idempotency-Key}: the first request with a key files; a retry with the same key and body
 * gets the first answer back instead of a second record. The key is claimed inside the filing
 * transaction, so a concurrent retry waits for the first to commit (or roll back, freeing the key).
 */
@Singleton
class IdempotencyKeys {

    /** The key as kept: the filer's own (SHA-256 of the account and the key), 64 characters whatever their length. */
    static String scoped(String filer, String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((filer + "\n" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final JdbcOperations jdbc;

    IdempotencyKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The first request's answer and the receipt it filed. */
    record First(String receipt, String answer) {
    }

    /** Empty when this request may file; otherwise the first request with the key, as it was answered. */
    Optional<First> claim(String key, String requestHash, Instant now) {
        while (true) {
            int inserted = jdbc.prepareStatement("""
                    INSERT INTO idempotency_key (key, request_hash, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO NOTHING""", (PreparedStatement s) -> {
                s.setString(1, key);
                s.setString(2, requestHash);
                s.setTimestamp(3, Timestamp.from(now));
                return s.executeUpdate();
            });
            if (inserted == 1) {
                return Optional.empty();
            }
            // held by another request: wait for it to end, then read what it answered
            Optional<String[]> first = jdbc.prepareStatement(
                    "SELECT request_hash, receipt, response::text FROM idempotency_key WHERE key = ? FOR UPDATE", (PreparedStatement s) -> {
                        s.setString(1, key);
                        try (ResultSet rs = s.executeQuery()) {
                            return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}) : Optional.empty();
                        }
                    });
            if (first.isEmpty()) {
                continue; // the first request rolled back: the key is free again
            }
            if (!first.get()[0].equals(requestHash)) {
                throw ApiException.invalid(List.of(FieldError.of("Idempotency-Key", "field.idempotency-key-reused")));
            }
            return Optional.of(new First(first.get()[1], first.get()[2]));
        }
    }

    void complete(String key, String receipt, String responseJson) {
        jdbc.prepareStatement("UPDATE idempotency_key SET receipt = ?, response = ?::jsonb WHERE key = ?", (PreparedStatement s) -> {
            s.setString(1, receipt);
            s.setString(2, responseJson);
            s.setString(3, key);
            return s.executeUpdate();
        });
    }
}
