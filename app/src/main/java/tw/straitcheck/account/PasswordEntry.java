package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An earlier password of an account (its hash), for "not one of the last 3". */
@MappedEntity("password_history")
record PasswordEntry(@Id @GeneratedValue @Nullable Long id, Long accountId, String hash, Instant changedAt) {
}
