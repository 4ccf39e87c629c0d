package tw.straitcheck.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A school on the platform, by its 學校代碼. */
@Serdeable
@MappedEntity("school")
public record School(@Id String code, String name, Instant createdAt) {
}
