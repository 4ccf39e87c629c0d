package tw.straitcheck.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt hashes of passwords. Tests lower the cost ({@code straitcheck.accounts.bcrypt-cost}). */
@Singleton
class Passwords {

    private final BCryptPasswordEncoder encoder;
    /**
     * Compared against when there is no such account, so that a wrong name costs as long as a wrong
     * password. Made on first use, not at start (a BCrypt hash is 0.1–0.3 s of a cold start).
     */
    private volatile String decoy;

    Passwords(@Value("${straitcheck.accounts.bcrypt-cost:11}") int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void decoy(String password) {
        String hash = decoy;
        if (hash == null) {
            hash = encoder.encode("decoy-password");
            decoy = hash;
        }
        encoder.matches(password, hash);
    }
}
