package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Messages;

/**
 * Schools, their accounts and API tokens, and logging in under the handbook's password rules
 * ({@link PasswordRules}). Every time is read from the injected {@link Clock}.
 */
@Singleton
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String TOKEN_PREFIX = "sct_";
    private static final java.time.Duration TOKEN_USE_GRAIN = java.time.Duration.ofMinutes(1);

    private final Repositories.Schools schools;
    private final Repositories.Accounts accounts;
    private final Repositories.Passwords history;
    private final Repositories.Tokens tokens;
    private final Passwords passwords;
    private final Clock clock;

    AccountService(Repositories.Schools schools, Repositories.Accounts accounts, Repositories.Passwords history,
            Repositories.Tokens tokens, Passwords passwords, Clock clock) {
        this.schools = schools;
        this.accounts = accounts;
        this.history = history;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** An account as its administrators see it. */
    @io.micronaut.serde.annotation.Serdeable
    public record AccountView(long id, String username, String displayName, @Nullable String school, Set<Role> roles,
            boolean enabled, boolean locked, Instant passwordChangedAt) {

        static AccountView of(Account a, Instant now) {
            return new AccountView(a.id(), a.username(), a.displayName(), a.schoolCode(), a.roleSet(), a.enabled(),
                    PasswordRules.locked(a, now), a.passwordChangedAt());
        }
    }

    /** A new account: {@code mustChange} when someone other than its holder chose the password. */
    public record NewAccount(String username, String displayName, @Nullable String school, Set<Role> roles,
            String password, boolean mustChange) {
    }

    // ---- schools -------------------------------------------------------------------------------

    public Optional<School> school(String code) {
        return schools.findById(code);
    }

    public List<School> schools() {
        return schools.findAllOrderByCode();
    }

    @Transactional
    public School createSchool(String code, String name) {
        if (schools.existsById(code)) {
            throw ApiException.invalid(FieldError.of("code", "account.school-exists", code));
        }
        return schools.save(new School(code, name, clock.instant()));
    }

    /** A new school and its first administrator. */
    public record NewSchool(School school, AccountView admin) {
    }

    /**
     * A system administrator's new school with its first administrator, in one transaction; the
     * administrator changes {@code password} at the first login. {@code withAdmin}: the request
     * names an administrator at all (the API's {@code admin} object).
     */
    @Transactional
    public NewSchool createSchoolWithAdmin(@Nullable String code, @Nullable String name, boolean withAdmin,
            @Nullable String username, @Nullable String displayName, @Nullable String password) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.strip().matches("[0-9A-Za-z-]{1,32}")) {
            errors.add(FieldError.of("code", "account.school-code"));
        }
        if (name == null || name.isBlank()) {
            errors.add(FieldError.of("name", "field.required"));
        }
        if (!withAdmin) {
            errors.add(FieldError.of("admin", "field.required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        School school = createSchool(code.strip(), name.strip());
        AccountView admin = createAccount(new NewAccount(username, displayName, school.code(),
                EnumSet.of(Role.SCHOOL_ADMIN), password, true));
        return new NewSchool(school, admin);
    }

    // ---- accounts ------------------------------------------------------------------------------

    @Transactional
    public AccountView createAccount(NewAccount form) {
        List<FieldError> errors = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!username.matches("[^@\\s]+@[^@\\s]+")) {
            errors.add(FieldError.of("username", "account.username-email"));
        } else if (accounts.findByUsername(username).isPresent()) {
            errors.add(FieldError.of("username", "account.username-taken"));
        }
        if (form.displayName() == null || form.displayName().isBlank()) {
            errors.add(FieldError.of("displayName", "field.required"));
        }
        errors.addAll(rolesErrors(form.roles(), form.school(), true));
        if (form.school() != null && !schools.existsById(form.school())) {
            errors.add(FieldError.of("school", "account.no-school", form.school()));
        }
        PasswordRules.strength(form.password() == null ? "" : form.password())
                .forEach(e -> errors.add(new FieldError("password", e.zh(), e.en())));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Instant now = clock.instant();
        Account saved = accounts.save(new Account(null, username, form.displayName().strip(), form.school(),
                Account.rolesText(form.roles()), true, passwords.hash(form.password()), now, form.mustChange(), 0,
                null, now));
        return AccountView.of(saved, now);
    }

    /** A new account and the one-time initial password the platform chose for it, to be shown once. */
    public record Initial(AccountView account, String password) {
    }

    /**
     * An administrator's new account (a school's user, or the ministry's staff when {@code school}
     * is null) with a one-time initial password ({@link InitialPasswords}), changed at the first login.
     */
    @Transactional
    public Initial createWithInitialPassword(@Nullable String username, @Nullable String displayName,
            @Nullable String school, Set<Role> roles) {
        String password = InitialPasswords.make();
        return new Initial(createAccount(new NewAccount(username, displayName, school, roles, password, true)), password);
    }

    public Optional<AccountView> account(long id) {
        return accounts.findById(id).map(a -> AccountView.of(a, clock.instant()));
    }

    public Optional<AccountView> account(String username) {
        return accounts.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .map(a -> AccountView.of(a, clock.instant()));
    }

    public List<AccountView> accountsOf(String school) {
        Instant now = clock.instant();
        return accounts.findBySchoolCodeOrderByUsername(school).stream().map(a -> AccountView.of(a, now)).toList();
    }

    /** The ministry's staff (reviewers, policy editors, system administrators): the accounts without a school. */
    public List<AccountView> staff() {
        Instant now = clock.instant();
        return accounts.findBySchoolCodeIsNullOrderByUsername().stream().map(a -> AccountView.of(a, now)).toList();
    }

    /** 未勾選啟用，該帳號無法使用: a disabled account cannot log in, and its tokens stop working. */
    @Transactional
    public AccountView setEnabled(long id, boolean enabled) {
        Account account = accounts.findByIdForUpdate(id).orElseThrow(AccountService::noAccount);
        return AccountView.of(accounts.update(account.withEnabled(enabled)), clock.instant());
    }

    /** A school administrator's edit of one of the school's accounts: its name, roles and enabling. */
    public record Edit(@Nullable String displayName, Set<Role> roles, boolean enabled) {
    }

    /**
     * The school administrator's edit (學校使用者維護, the page and the API): 422 for a blank name, roles
     * that are not the school's, a disabled account made an administrator (參(三)(一)), or the administrator
     * disabling their own account; 409 when the edit would leave the school without an enabled
     * administrator. The school's accounts are locked first, so two administrators removing each
     * other at once cannot both succeed.
     */
    @Transactional
    public AccountView editSchoolUser(long adminId, long id, Edit edit) {
        Account account = accounts.findByIdForUpdate(id).orElseThrow(AccountService::noAccount);
        List<Account> school = accounts.findBySchoolCodeForUpdate(account.schoolCode());
        return edit(adminId, account, school, Role.SCHOOL_ADMIN, false, edit, "account.last-admin");
    }

    /**
     * The system administrator's edit of a ministry staff account (no school; else 404): its name,
     * roles and enabling, under the same rules as {@link #editSchoolUser}; besides, a system
     * administrator keeps the SYSTEM_ADMIN role on their own account (422), so the ministry always
     * has one who can let the others in again. The staff accounts are locked first.
     */
    @Transactional
    public AccountView editStaff(long adminId, long id, Edit edit) {
        Account account = accounts.findByIdForUpdate(id).filter(a -> a.schoolCode() == null)
                .orElseThrow(AccountService::noAccount);
        List<Account> staff = accounts.findStaffForUpdate();
        return edit(adminId, account, staff, Role.SYSTEM_ADMIN, true, edit, "account.last-system-admin");
    }

    /**
     * An edit among {@code peers} (the school's accounts, or the ministry's), who must keep one
     * enabled holder of {@code adminRole}: 409 with {@code lastAdmin} when the edit would leave none;
     * {@code keepOwn}: the editor may not take that role from their own account (422).
     */
    private AccountView edit(long adminId, Account account, List<Account> peers, Role adminRole, boolean keepOwn,
            Edit edit, String lastAdmin) {
        long id = account.id();
        List<FieldError> errors = new ArrayList<>();
        if (edit.displayName() == null || edit.displayName().isBlank()) {
            errors.add(FieldError.of("displayName", "field.required"));
        }
        errors.addAll(rolesErrors(edit.roles(), account.schoolCode(), false));
        // 未勾選啟用 … 也無法被設定為管理者: a disabled account is not given an administrator's role
        if (!edit.enabled() && edit.roles().stream().anyMatch(Role.ADMIN_ROLES::contains)
                && !account.roleSet().containsAll(edit.roles())) {
            errors.add(FieldError.of("roles", "account.disabled-not-admin"));
        }
        if (id == adminId && !edit.enabled()) {
            errors.add(FieldError.of("enabled", "account.not-yourself"));
        }
        if (id == adminId && keepOwn && !edit.roles().contains(adminRole)) {
            errors.add(FieldError.of("roles", "account.keep-own-admin"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean adminAfter = edit.enabled() && edit.roles().contains(adminRole);
        boolean othersAdmin = peers.stream().anyMatch(a -> !a.id().equals(id) && a.enabled()
                && a.roleSet().contains(adminRole));
        if (!adminAfter && !othersAdmin && account.enabled() && account.roleSet().contains(adminRole)) {
            throw ApiException.of(io.micronaut.http.HttpStatus.CONFLICT, Messages.of(lastAdmin));
        }
        Account edited = account.withName(edit.displayName().strip()).withRoles(edit.roles()).withEnabled(edit.enabled());
        return AccountView.of(accounts.update(edited), clock.instant());
    }

    private static List<FieldError> rolesErrors(@Nullable Set<Role> roles, @Nullable String school, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (roles == null || roles.isEmpty()) {
            errors.add(FieldError.of("roles", "account.roles-required"));
            return errors;
        }
        boolean schoolRoles = roles.stream().anyMatch(Role::ofSchool);
        if (schoolRoles && roles.stream().anyMatch(r -> !r.ofSchool())) {
            errors.add(FieldError.of("roles", "account.roles-mixed"));
        } else if (schoolRoles && school == null) {
            errors.add(FieldError.of(creating ? "school" : "roles", "account.school-required"));
        } else if (!schoolRoles && school != null) {
            errors.add(FieldError.of("roles", "account.roles-school-only"));
        }
        return errors;
    }

    // ---- logging in ----------------------------------------------------------------------------

    /** How a login ended. */
    public sealed interface Login {
    }

    /** Logged in; with {@code actor.mustChangePassword()} it may only change the password. */
    public record LoggedIn(Actor actor) implements Login {
    }

    /** 錯 5 次鎖定 15 分鐘: refused until {@code until}, even with the right password. */
    public record Locked(Instant until) implements Login {
    }

    /** A wrong name or password (which is not said). */
    public record WrongPassword() implements Login {
    }

    /** The account is disabled. */
    public record Disabled() implements Login {
    }

    /**
     * The handbook's rule 3: the fifth wrong password in a row locks the account for 15 minutes; a
     * login while locked is refused without looking at the password, and does not count. A wrong
     * password is counted even though the login is refused, so this commits on every answer.
     */
    @Transactional
    public Login login(String username, String password) {
        Instant now = clock.instant();
        Optional<Account> found = accounts.findByUsernameForUpdate(username == null ? ""
                : username.strip().toLowerCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
            passwords.decoy(password == null ? "" : password);
            return new WrongPassword();
        }
        Account account = found.get();
        if (PasswordRules.locked(account, now)) {
            return new Locked(account.lockedUntil());
        }
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            // a lock that has run out starts the count again
            int failed = (account.lockedUntil() != null ? 0 : account.failedLogins()) + 1;
            if (failed >= PasswordRules.WRONG_TO_LOCK) {
                Instant until = now.plus(PasswordRules.LOCK);
                accounts.update(account.withLogins(0, until));
                return new Locked(until);
            }
            accounts.update(account.withLogins(failed, null));
            return new WrongPassword();
        }
        if (!account.enabled()) {
            return new Disabled();
        }
        if (account.failedLogins() != 0 || account.lockedUntil() != null) {
            account = accounts.update(account.withLogins(0, null));
        }
        return new LoggedIn(Actor.of(account, account.mustChange() || PasswordRules.expired(account, now)));
    }

    /** The actor a logged-in session's account is now: none once it is disabled (or gone). */
    public Optional<Actor> current(long accountId) {
        return accounts.findById(accountId).filter(Account::enabled)
                .map(a -> Actor.of(a, a.mustChange() || PasswordRules.expired(a, clock.instant())));
    }

    /**
     * The account's own change (rules 1, 2, 5 and 6): the current password, then a new one that
     * is strong enough, not within a day of the last change, and not one of the last 3.
     */
    @Transactional
    public void changePassword(long accountId, @Nullable String current, @Nullable String next) {
        Instant now = clock.instant();
        Account account = accounts.findByIdForUpdate(accountId).orElseThrow(AccountService::noAccount);
        if (current == null || !passwords.matches(current, account.passwordHash())) {
            throw ApiException.invalid(FieldError.of("currentPassword", "password.current-wrong"));
        }
        if (PasswordRules.tooSoon(account, now)) {
            throw ApiException.invalid(FieldError.of(PasswordRules.FIELD, "password.too-soon"));
        }
        replacePassword(account, next, now);
    }

    /**
     * Rules 1, 2 and 6, for a change and for a reset alike: strong enough and not one of the last
     * 3; the old password goes to the history, and the lock and failed logins are cleared.
     */
    void replacePassword(Account account, @Nullable String next, Instant now) {
        String candidate = next == null ? "" : next;
        List<FieldError> errors = PasswordRules.strength(candidate);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<String> recent = new ArrayList<>();
        recent.add(account.passwordHash());
        history.findByAccountIdOrderByIdDesc(account.id()).stream().limit(PasswordRules.HISTORY - 1)
                .forEach(e -> recent.add(e.hash()));
        if (recent.stream().anyMatch(hash -> passwords.matches(candidate, hash))) {
            throw ApiException.invalid(FieldError.of(PasswordRules.FIELD, "password.reused", PasswordRules.HISTORY));
        }
        history.save(new PasswordEntry(null, account.id(), account.passwordHash(), account.passwordChangedAt()));
        accounts.update(account.withPassword(passwords.hash(candidate), now, false));
    }

    // ---- API tokens ----------------------------------------------------------------------------

    /** A token as listed: never the token itself. */
    @io.micronaut.serde.annotation.Serdeable
    public record TokenView(long id, long accountId, String name, String createdBy, Instant createdAt,
            @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.accountId(), t.name(), t.createdBy(), t.createdAt(), t.revokedAt(),
                    t.lastUsedAt());
        }
    }

    /** A new token: {@code token} is shown this once; only its SHA-256 is kept. */
    @io.micronaut.serde.annotation.Serdeable
    public record NewToken(TokenView view, String token) {
    }

    @Transactional
    public NewToken createToken(long accountId, String name, String createdBy) {
        accounts.findById(accountId).orElseThrow(AccountService::noAccount);
        if (name == null || name.isBlank()) {
            throw ApiException.invalid(FieldError.of("name", "field.required"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(null, accountId, name.strip(), sha256(token), createdBy,
                clock.instant(), null, null));
        return new NewToken(TokenView.of(saved), token);
    }

    public List<TokenView> tokensOf(long accountId) {
        return tokens.findByAccountIdOrderById(accountId).stream().map(TokenView::of).toList();
    }

    public Optional<TokenView> token(long tokenId) {
        return tokens.findById(tokenId).map(TokenView::of);
    }

    @Transactional
    public TokenView revokeToken(long tokenId) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> ApiException.notFound(
                Messages.of("account.no-token")));
        return TokenView.of(token.revokedAt() != null ? token : tokens.update(token.revoked(clock.instant())));
    }

    /** The actor a token acts as: its account as it is now, while the token is not revoked and the account enabled. */
    public Optional<Actor> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findBySha256(sha256(token)).filter(t -> t.revokedAt() == null);
        Optional<Actor> actor = found.flatMap(t -> accounts.findById(t.accountId())).filter(Account::enabled)
                .map(a -> Actor.of(a, false));
        actor.ifPresent(a -> markUsed(found.get()));
        return actor;
    }

    /** Last used, to the minute: a school system calling many times a minute writes once. */
    private void markUsed(ApiToken token) {
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(TOKEN_USE_GRAIN))) {
            tokens.markUsed(token.id(), now);
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiException noAccount() {
        return ApiException.notFound(Messages.of("account.no-account"));
    }

    static Set<Role> roles(List<Role> list) {
        return list.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(list);
    }
}
