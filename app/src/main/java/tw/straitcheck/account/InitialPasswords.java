package tw.straitcheck.account;

import java.security.SecureRandom;
import java.util.List;

/**
 * Passwords the platform chooses: a new user's one-time initial password (changed at first login),
 * a new school's first administrator's, and the demo accounts'. 16 characters with every kind
 * of the handbook's rule 2, leaving out characters that are easily misread (l, 1, O, 0).
 */
final class InitialPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+=?@";
    private static final int LENGTH = 16;

    private InitialPasswords() {
    }

    static String make() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        StringBuilder p = new StringBuilder();
        for (String kind : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
            p.append(kind.charAt(RANDOM.nextInt(kind.length())));
        }
        while (p.length() < LENGTH) {
            p.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return p.toString();
    }
}
