package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An account as stored: who logs in, for which school, with which roles and password state. */
@MappedEntity("account")
record Account(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        @Nullable String schoolCode,
        String roles,
        boolean enabled,
        String passwordHash,
        Instant passwordChangedAt,
        boolean mustChange,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt) {

    Set<Role> roleSet() {
        return roles.isBlank() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(",")).map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    Account withRoles(Set<Role> newRoles) {
        return new Account(id, username, displayName, schoolCode, rolesText(newRoles), enabled, passwordHash,
                passwordChangedAt, mustChange, failedLogins, lockedUntil, createdAt);
    }

    Account withName(String name) {
        return new Account(id, username, name, schoolCode, roles, enabled, passwordHash, passwordChangedAt,
                mustChange, failedLogins, lockedUntil, createdAt);
    }

    Account withEnabled(boolean on) {
        return new Account(id, username, displayName, schoolCode, roles, on, passwordHash, passwordChangedAt,
                mustChange, failedLogins, lockedUntil, createdAt);
    }

    Account withLogins(int failed, @Nullable Instant until) {
        return new Account(id, username, displayName, schoolCode, roles, enabled, passwordHash, passwordChangedAt,
                mustChange, failed, until, createdAt);
    }

    Account withPassword(String hash, Instant at, boolean change) {
        return new Account(id, username, displayName, schoolCode, roles, enabled, hash, at, change, 0, null,
                createdAt);
    }
}
