package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who acts: the account behind a login or an API token. Other features read it from the request's
 * {@link Authentication}; {@code school} is the account's school for the two school roles.
 */
public record Actor(long accountId, String username, String displayName, @Nullable String school, Set<Role> roles,
        boolean mustChangePassword) {

    static final String ACCOUNT_ID = "accountId";
    static final String DISPLAY_NAME = "displayName";
    static final String SCHOOL = "school";
    static final String MUST_CHANGE = "mustChangePassword";

    /** The actor of an authenticated request. */
    public static Actor of(Authentication authentication) {
        Map<String, Object> a = authentication.getAttributes();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getRoles().forEach(r -> roles.add(Role.valueOf(r)));
        Object id = a.get(ACCOUNT_ID);
        return new Actor(id instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(id)),
                authentication.getName(), String.valueOf(a.getOrDefault(DISPLAY_NAME, authentication.getName())),
                (String) a.get(SCHOOL), roles, Boolean.TRUE.equals(a.get(MUST_CHANGE)));
    }

    static Actor of(Account account, boolean mustChange) {
        return new Actor(account.id(), account.username(), account.displayName(), account.schoolCode(),
                mustChange ? EnumSet.noneOf(Role.class) : account.roleSet(), mustChange);
    }

    /**
     * As Micronaut Security holds it. An account that must change its password holds no role
     * until it has: it can reach the password change and nothing else.
     */
    Authentication authentication() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ACCOUNT_ID, accountId);
        attributes.put(DISPLAY_NAME, displayName);
        if (school != null) {
            attributes.put(SCHOOL, school);
        }
        attributes.put(MUST_CHANGE, mustChangePassword);
        return Authentication.build(username, roles.stream().map(Role::name).toList(), attributes);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return List.of(any).stream().anyMatch(roles::contains);
    }

    /** A school user or administrator: the school whose records it files and reads. */
    public boolean ofSchool() {
        return school != null && hasAny(Role.SCHOOL_USER, Role.SCHOOL_ADMIN);
    }
}
