package tw.straitcheck.account;

import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;

/**
 * Whose records an actor may read and file (issue 8): a school user or administrator its own
 * school's only; a reviewer records in review and decided ones. Another school's record is
 * answered as no record at all (404), so a receipt reveals nothing.
 */
public final class Access {

    private Access() {
    }

    /**
     * Whether the actor may read a record of {@code school}; {@code reviewable}: the record is in
     * review or decided (not withdrawn).
     */
    public static boolean mayRead(Actor actor, String school, boolean reviewable) {
        return actor.ofSchool() && actor.school().equals(school) || actor.has(Role.REVIEWER) && reviewable;
    }

    /** Whether the actor files for {@code school}: a school user or administrator of that school. */
    public static boolean filesFor(Actor actor, String school) {
        return actor.ofSchool() && actor.school().equals(school);
    }

    /** 403 for a filing in another school's name. */
    public static ApiException otherSchool() {
        return ApiException.forbidden(Messages.of("account.other-school"));
    }
}
