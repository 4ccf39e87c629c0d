package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tw.straitcheck.system.ApiException;

/**
 * {@code /admin/users}: the system administrator keeps the ministry's own staff, the accounts
 * without a school (reviewers, policy editors, system administrators): a new one with a one-time
 * initial password, as {@link UserPages} gives a school's user; an account's name, roles and
 * enabling ({@link AccountService#editStaff}). A school's account is answered 404 here.
 */
@Controller
@Secured(Role.Names.SYSTEM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class StaffPages {

    static final String STAFF = "/admin/users";

    private final AccountService accounts;
    private final Pages pages;

    StaffPages(AccountService accounts, Pages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    /**
     * A new staff account: e-mail address, name and its roles, one checkbox each ({@code reviewer},
     * {@code policyEditor}, {@code systemAdmin}: present, "true", when ticked).
     */
    @Serdeable
    record NewStaffForm(@Nullable String username, @Nullable String displayName, @Nullable String reviewer,
            @Nullable String policyEditor, @Nullable String systemAdmin, @Nullable String csrfToken) {

        Set<Role> roles() {
            return StaffPages.roles(reviewer, policyEditor, systemAdmin);
        }
    }

    /** An edit: the role boxes as on the new account's form; {@code enabled} ticked or not. */
    @Serdeable
    record EditForm(@Nullable String displayName, @Nullable String reviewer, @Nullable String policyEditor,
            @Nullable String systemAdmin, @Nullable String enabled, @Nullable String csrfToken) {

        Set<Role> roles() {
            return StaffPages.roles(reviewer, policyEditor, systemAdmin);
        }

        static EditForm of(AccountService.AccountView a) {
            return new EditForm(a.displayName(), box(a, Role.REVIEWER), box(a, Role.POLICY_EDITOR),
                    box(a, Role.SYSTEM_ADMIN), a.enabled() ? "true" : null, null);
        }

        private static String box(AccountService.AccountView a, Role role) {
            return a.roles().contains(role) ? "true" : null;
        }
    }

    @Get(STAFF)
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        return listPage(request, HttpStatus.OK, Actor.of(authentication), Map.of("form", blankForm()));
    }

    @Post(STAFF)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, Authentication authentication, @Body NewStaffForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Actor admin = Actor.of(authentication);
        Map<String, Object> model = new HashMap<>();
        try {
            model.put("created", accounts.createWithInitialPassword(form.username(), form.displayName(), null,
                    form.roles()));
            model.put("form", blankForm());
            return listPage(request, HttpStatus.OK, admin, model);
        } catch (ApiException e) {
            model.put("errors", e.body(null).errors());
            model.put("form", form);
            return listPage(request, e.status(), admin, model);
        }
    }

    @Get(STAFF + "/{id}")
    HttpResponse<?> editPage(HttpRequest<?> request, @PathVariable long id) {
        try {
            AccountService.AccountView user = staff(id);
            return editView(request, HttpStatus.OK, user, EditForm.of(user), Map.of());
        } catch (ApiException e) {
            return pages.error(request, e);
        }
    }

    @Post(STAFF + "/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(HttpRequest<?> request, Authentication authentication, @PathVariable long id,
            @Body EditForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        AccountService.AccountView user;
        try {
            user = staff(id);
        } catch (ApiException e) {
            return pages.error(request, e);
        }
        try {
            accounts.editStaff(Actor.of(authentication).accountId(), id,
                    new AccountService.Edit(form.displayName(), form.roles(), form.enabled() != null));
        } catch (ApiException e) {
            return editView(request, e.status(), user, form, UserPages.editRefused(e));
        }
        return Pages.redirect(STAFF + "?saved=" + id);
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, Actor admin, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("users", accounts.staff().stream().map(UserPages.Row::of).toList());
        model.put("me", admin.accountId());
        model.put("saved", request.getParameters().contains("saved"));
        return pages.render(request, status, "admin/users", model);
    }

    private HttpResponse<?> editView(HttpRequest<?> request, HttpStatus status, AccountService.AccountView user,
            EditForm form, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("user", UserPages.Row.of(user));
        model.put("form", form);
        return pages.render(request, status, "admin/user", model);
    }

    /** A staff account; a school's, or none, is 404. */
    private AccountService.AccountView staff(long id) {
        return accounts.account(id).filter(a -> a.school() == null).orElseThrow(AccountService::noAccount);
    }

    private static NewStaffForm blankForm() {
        return new NewStaffForm("", "", null, null, null, null);
    }

    /** The roles whose boxes are ticked; none is a field error of the service's. */
    private static Set<Role> roles(@Nullable String reviewer, @Nullable String policyEditor, @Nullable String systemAdmin) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (reviewer != null) {
            roles.add(Role.REVIEWER);
        }
        if (policyEditor != null) {
            roles.add(Role.POLICY_EDITOR);
        }
        if (systemAdmin != null) {
            roles.add(Role.SYSTEM_ADMIN);
        }
        return roles;
    }
}
