package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;

/**
 * {@code /api/account/**}: an account's own password, and a school administrator's keeping of the
 * school (學校使用者維護 and 聯絡窗口登錄): its users, their roles and enabling, API tokens for the
 * school's systems, and contact persons. An administrator sees only its own school's; another
 * school's account, token or contact is answered 404.
 */
@Tag(name = "accounts")
@Controller("/api/account")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.Names.SCHOOL_ADMIN)
class AccountController {

    private final AccountService accounts;
    private final Contacts contacts;

    AccountController(AccountService accounts, Contacts contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    @Serdeable
    record Me(String username, String displayName, @Nullable String school, Set<Role> roles, boolean mustChangePassword) {
    }

    @Serdeable
    record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @Serdeable
    record UserForm(@Nullable String username, @Nullable String displayName, @Nullable List<Role> roles,
            @Nullable String password) {
    }

    @Serdeable
    record EnabledForm(boolean enabled) {
    }

    @Serdeable
    record RolesForm(@Nullable List<Role> roles) {
    }

    @Serdeable
    record TokenForm(@Nullable String name, @Nullable Long accountId) {
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Me me(Authentication authentication) {
        Actor a = Actor.of(authentication);
        return new Me(a.username(), a.displayName(), a.school(), a.roles(), a.mustChangePassword());
    }

    /** Any account's own change, also while it must change its password. */
    @Post("/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    void changePassword(@Body PasswordForm form, Authentication authentication) {
        accounts.changePassword(Actor.of(authentication).accountId(), form.currentPassword(), form.newPassword());
    }

    @Get("/users")
    List<AccountService.AccountView> users(Authentication authentication) {
        return accounts.accountsOf(school(authentication));
    }

    /** A new user of the school; it changes the password its administrator chose at its first login. */
    @Post("/users")
    HttpResponse<AccountService.AccountView> createUser(@Body UserForm form, Authentication authentication) {
        Set<Role> roles = AccountService.roles(form.roles() == null ? List.of() : form.roles());
        return HttpResponse.created(accounts.createAccount(new AccountService.NewAccount(form.username(),
                form.displayName(), school(authentication), roles, form.password(), true)));
    }

    /** As the page's edit: not the administrator's own account, never the school's last administrator. */
    @Put("/users/{id}/enabled")
    AccountService.AccountView setEnabled(@PathVariable long id, @Body EnabledForm form, Authentication authentication) {
        AccountService.AccountView user = own(id, authentication);
        return accounts.editSchoolUser(Actor.of(authentication).accountId(), id,
                new AccountService.Edit(user.displayName(), user.roles(), form.enabled()));
    }

    /** As the page's edit: a disabled account is not made an administrator (參(三)(一)). */
    @Put("/users/{id}/roles")
    AccountService.AccountView setRoles(@PathVariable long id, @Body RolesForm form, Authentication authentication) {
        AccountService.AccountView user = own(id, authentication);
        return accounts.editSchoolUser(Actor.of(authentication).accountId(), id, new AccountService.Edit(
                user.displayName(), AccountService.roles(form.roles() == null ? List.of() : form.roles()), user.enabled()));
    }

    @Get("/tokens")
    List<AccountService.TokenView> tokens(Authentication authentication) {
        return accounts.accountsOf(school(authentication)).stream()
                .flatMap(a -> accounts.tokensOf(a.id()).stream()).toList();
    }

    /** A token for one of the school's accounts (by default the administrator's own); shown this once. */
    @Post("/tokens")
    HttpResponse<AccountService.NewToken> createToken(@Body TokenForm form, Authentication authentication) {
        Actor admin = Actor.of(authentication);
        long accountId = form.accountId() == null ? admin.accountId() : form.accountId();
        own(accountId, authentication);
        return HttpResponse.created(accounts.createToken(accountId, form.name(), admin.username()));
    }

    @Delete("/tokens/{id}")
    AccountService.TokenView revokeToken(@PathVariable long id, Authentication authentication) {
        String school = school(authentication);
        accounts.token(id).filter(t -> accounts.account(t.accountId()).filter(a -> school.equals(a.school())).isPresent())
                .orElseThrow(() -> ApiException.notFound(Messages.of("account.no-token")));
        return accounts.revokeToken(id);
    }

    @Get("/contacts")
    List<SchoolContact> contacts(Authentication authentication) {
        return contacts.of(school(authentication));
    }

    @Post("/contacts")
    HttpResponse<SchoolContact> addContact(@Body Contacts.Form form, Authentication authentication) {
        return HttpResponse.created(contacts.add(school(authentication), form));
    }

    @Put("/contacts/{id}")
    SchoolContact updateContact(@PathVariable long id, @Body Contacts.Form form, Authentication authentication) {
        return contacts.update(school(authentication), id, form);
    }

    @Delete("/contacts/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void removeContact(@PathVariable long id, Authentication authentication) {
        contacts.remove(school(authentication), id);
    }

    private static String school(Authentication authentication) {
        return Actor.of(authentication).school();
    }

    /** 404 unless the account is of the administrator's school. */
    private AccountService.AccountView own(long accountId, Authentication authentication) {
        String school = school(authentication);
        return accounts.account(accountId).filter(a -> school.equals(a.school()))
                .orElseThrow(AccountService::noAccount);
    }

}
