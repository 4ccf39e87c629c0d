package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import tw.straitcheck.account.Access;
import tw.straitcheck.account.Actor;

/**
 * Who files: the account's name (kept as the record's filer and in its history) and the school
 * it files for. {@code school} is null only for callers inside the service (the command line),
 * which may file for any school.
 */
public record Filer(String name, @Nullable String school) {

    /** The logged-in account or token of the request. */
    public static Filer of(Authentication authentication) {
        Actor actor = Actor.of(authentication);
        return new Filer(actor.username(), actor.ofSchool() ? actor.school() : "");
    }

    /** Whether this filer may file for, and read the records of, {@code schoolCode}. */
    boolean mayFileFor(String schoolCode) {
        return school == null || school.equals(schoolCode);
    }

    /** 403 unless this filer files for {@code schoolCode}. */
    void checkFilesFor(String schoolCode) {
        if (!mayFileFor(schoolCode)) {
            throw Access.otherSchool();
        }
    }
}
