package tw.straitcheck.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.system.FieldError;

/**
 * The handbook's password rules (參(三)(二) ※密碼規則), each a named value:
 * 1. at least 8 characters; 2. three of upper case, lower case, digits and symbols; 3. five wrong
 * passwords lock the account for 15 minutes, even against the right password; 4. changed every
 * 180 days; 5. not changed again within 1 day of a change; 6. not one of the last 3.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final int KINDS_NEEDED = 3;
    static final int WRONG_TO_LOCK = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration MAX_AGE = Duration.ofDays(180);
    static final Duration MIN_AGE = Duration.ofDays(1);
    /** 不可和前 3 次重覆: read as the three most recent passwords, the current one included. */
    static final int HISTORY = 3;

    static final String FIELD = "newPassword";

    private PasswordRules() {
    }

    /** Rules 1 and 2: what is wrong with the password itself, if anything. */
    static List<FieldError> strength(String password) {
        List<FieldError> errors = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            errors.add(FieldError.of(FIELD, "password.too-short", MIN_LENGTH));
        }
        if (kinds(password) < KINDS_NEEDED) {
            errors.add(FieldError.of(FIELD, "password.too-few-kinds", KINDS_NEEDED));
        }
        return errors;
    }

    /** How many of upper case, lower case, digits and symbols the password has. */
    static int kinds(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int c : password.codePoints().toArray()) {
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** Rule 3: locked while the lock set by the fifth wrong password lasts. */
    static boolean locked(Account account, Instant now) {
        return account.lockedUntil() != null && now.isBefore(account.lockedUntil());
    }

    /** Rule 4: 180 days after the last change, the next login must change the password. */
    static boolean expired(Account account, Instant now) {
        return !now.isBefore(account.passwordChangedAt().plus(MAX_AGE));
    }

    /**
     * Rule 5: a change within a day of the last one is refused, except when the password must be
     * changed (set by an administrator, or expired).
     */
    static boolean tooSoon(Account account, Instant now) {
        return !account.mustChange() && !expired(account, now)
                && now.isBefore(account.passwordChangedAt().plus(MIN_AGE));
    }
}
