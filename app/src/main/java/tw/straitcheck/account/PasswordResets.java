package tw.straitcheck.account;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Forgotten password by mail, as the immigration agency's system (seed 003, 忘記密碼) offers it, but
 * with a link rather than a new password in the mail: a random single-use token, kept only as its
 * SHA-256, that works for {@code straitcheck.password-reset.expiry} (30 minutes) and only while it
 * is the account's newest and no password was set since. The answer to a request never says
 * whether the address has an account. A disabled account is sent nothing.
 */
@Singleton
public class PasswordResets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Repositories.Accounts accounts;
    private final Repositories.Resets resets;
    private final AccountService service;
    private final ResetLimits limits;
    private final ResetSettings settings;
    private final PublicAddress address;
    private final ApplicationEventPublisher<PasswordResetRequested> events;
    private final Clock clock;

    PasswordResets(Repositories.Accounts accounts, Repositories.Resets resets, AccountService service,
            ResetLimits limits, ResetSettings settings, PublicAddress address,
            ApplicationEventPublisher<PasswordResetRequested> events, Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.service = service;
        this.limits = limits;
        this.settings = settings;
        this.address = address;
        this.events = events;
        this.clock = clock;
    }

    /** How a request was answered: the same {@code SENT} whether a mail went out or not. */
    public enum Requested { SENT, TOO_MANY }

    /**
     * A request from {@code client} (its address) for {@code address}'s link. Refused only when the
     * client has sent too many (which says nothing of any account); an address asked for too often
     * is answered {@code SENT} and sent nothing more.
     */
    @Transactional
    public Requested request(@Nullable String address, String client) {
        if (!limits.clientMay(client)) {
            return Requested.TOO_MANY;
        }
        String username = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (username.isEmpty() || !limits.addressMay(username)) {
            return Requested.SENT;
        }
        Optional<Account> account = accounts.findByUsername(username).filter(Account::enabled);
        if (account.isPresent()) {
            issue(account.get());
        }
        return Requested.SENT;
    }

    private void issue(Account account) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        PasswordReset saved = resets.save(new PasswordReset(null, account.id(), AccountService.sha256(token), now,
                now.plus(settings.expiry()), null));
        events.publishEvent(new PasswordResetRequested(saved.id(), account.username(), account.displayName(),
                address.url() + ForgotPasswordPages.RESET + "?token=" + token, now, saved.expiresAt()));
    }

    /** Whether the token is one that would set a password now (the reset page shows its form only then). */
    public boolean usable(@Nullable String token) {
        return find(token).flatMap(r -> accounts.findById(r.accountId()).filter(a -> usable(r, a))).isPresent();
    }

    /**
     * Sets the account's password with the token, which is then used up. The handbook's rules 1, 2
     * and 6 apply (422 otherwise, and the token stays usable); rule 5, one day between changes,
     * does not: a reset is not the holder's own choice to change a password they know. The lock of
     * five wrong passwords is cleared. False when the token is not (or no longer) usable.
     */
    @Transactional
    public boolean reset(@Nullable String token, @Nullable String newPassword) {
        Optional<PasswordReset> found = find(token);
        if (found.isEmpty()) {
            return false;
        }
        Optional<Account> account = accounts.findByIdForUpdate(found.get().accountId());
        // read again under the account's lock: two posts of one link set the password once
        Optional<PasswordReset> reset = resets.findById(found.get().id());
        if (account.isEmpty() || reset.isEmpty() || !usable(reset.get(), account.get())) {
            return false;
        }
        Instant now = clock.instant();
        service.replacePassword(account.get(), newPassword, now);
        resets.update(reset.get().used(now));
        return true;
    }

    private Optional<PasswordReset> find(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return resets.findBySha256(AccountService.sha256(token.strip()));
    }

    /** Unused, unexpired, the account's newest, issued after its last password change, and the account enabled. */
    private boolean usable(PasswordReset reset, Account account) {
        Instant now = clock.instant();
        return reset.usedAt() == null && now.isBefore(reset.expiresAt()) && account.enabled()
                && !reset.createdAt().isBefore(account.passwordChangedAt())
                && resets.findFirstByAccountIdOrderByIdDesc(account.id()).map(r -> r.id().equals(reset.id())).orElse(false);
    }
}
