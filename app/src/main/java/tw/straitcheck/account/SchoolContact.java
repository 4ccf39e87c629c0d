package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** 聯絡窗口登錄: one of a school's contact persons, who receive the mail of every filing. */
@Serdeable
@MappedEntity("school_contact")
public record SchoolContact(@Id @GeneratedValue @Nullable Long id, String schoolCode, String name,
        @Nullable String title, String email, @Nullable String phone) {
}
