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
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.straitcheck.system.ApiException;

/**
 * {@code /school/users}: the school administrator's 學校使用者維護 (handbook 參(三)(一)): the school's
 * accounts; a new one with a one-time initial password the platform chooses, shown once and changed
 * at the first login; an account's name, role and enabling ({@link AccountService#editSchoolUser}).
 * Another school's account is answered 404.
 */
@Controller
@Secured(Role.Names.SCHOOL_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class UserPages {

    static final String USERS = "/school/users";

    private final AccountService accounts;
    private final Pages pages;

    UserPages(AccountService accounts, Pages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    /** A user as the list shows it. */
    record Row(long id, String username, String displayName, List<String> roles, boolean enabled, boolean locked,
            String passwordChanged) {

        static Row of(AccountService.AccountView a) {
            return new Row(a.id(), a.username(), a.displayName(), a.roles().stream().sorted().map(Role::name).toList(),
                    a.enabled(), a.locked(), Shown.time(a.passwordChangedAt()));
        }
    }

    /** A new user: its e-mail address, name and role (SCHOOL_USER or SCHOOL_ADMIN). */
    @Serdeable
    record NewUserForm(@Nullable String username, @Nullable String displayName, @Nullable String role,
            @Nullable String csrfToken) {
    }

    /** An edit: {@code enabled} is present ("true") when the box is ticked. */
    @Serdeable
    record EditForm(@Nullable String displayName, @Nullable String role, @Nullable String enabled,
            @Nullable String csrfToken) {
    }

    @Get(USERS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        return listPage(request, HttpStatus.OK, Actor.of(authentication), Map.of("form", blankForm()));
    }

    @Post(USERS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, Authentication authentication, @Body NewUserForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Actor admin = Actor.of(authentication);
        Map<String, Object> model = new HashMap<>();
        try {
            model.put("created", accounts.createWithInitialPassword(form.username(), form.displayName(), admin.school(),
                    roles(form.role())));
            model.put("form", blankForm());
            return listPage(request, HttpStatus.OK, admin, model);
        } catch (ApiException e) {
            model.put("errors", e.body(null).errors());
            model.put("form", form);
            return listPage(request, e.status(), admin, model);
        }
    }

    @Get(USERS + "/{id}")
    HttpResponse<?> editPage(HttpRequest<?> request, Authentication authentication, @PathVariable long id) {
        try {
            AccountService.AccountView user = own(id, Actor.of(authentication));
            return editView(request, HttpStatus.OK, user, new EditForm(user.displayName(), role(user.roles()),
                    user.enabled() ? "true" : null, null), Map.of());
        } catch (ApiException e) {
            return pages.error(request, e);
        }
    }

    @Post(USERS + "/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(HttpRequest<?> request, Authentication authentication, @PathVariable long id,
            @Body EditForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Actor admin = Actor.of(authentication);
        AccountService.AccountView user;
        try {
            user = own(id, admin);
        } catch (ApiException e) {
            return pages.error(request, e);
        }
        try {
            accounts.editSchoolUser(admin.accountId(), id, new AccountService.Edit(form.displayName(),
                    roles(form.role()), form.enabled() != null));
        } catch (ApiException e) {
            return editView(request, e.status(), user, form, UserPages.editRefused(e));
        }
        return Pages.redirect(USERS + "?saved=" + id);
    }

    /**
     * An edit refused, as an account's edit page shows it (here and on {@link StaffPages}): the
     * last administrator's conflict as one message above the form, anything else at its fields.
     */
    static Map<String, Object> editRefused(ApiException e) {
        Map<String, Object> model = new HashMap<>();
        if (e.status() == HttpStatus.CONFLICT) {
            model.put("conflict", e.body(null).message());
        } else {
            model.put("errors", e.body(null).errors());
        }
        return model;
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, Actor admin, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("users", accounts.accountsOf(admin.school()).stream().map(Row::of).toList());
        model.put("school", accounts.school(admin.school()).map(School::name).orElse(admin.school()));
        model.put("me", admin.accountId());
        model.put("saved", request.getParameters().contains("saved"));
        return pages.render(request, status, "school/users", model);
    }

    private HttpResponse<?> editView(HttpRequest<?> request, HttpStatus status, AccountService.AccountView user,
            EditForm form, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("user", Row.of(user));
        model.put("form", form);
        return pages.render(request, status, "school/user", model);
    }

    private AccountService.AccountView own(long id, Actor admin) {
        return accounts.account(id).filter(a -> admin.school().equals(a.school())).orElseThrow(AccountService::noAccount);
    }

    private static NewUserForm blankForm() {
        return new NewUserForm("", "", Role.SCHOOL_USER.name(), null);
    }

    /** The one school role chosen on the form; none (a field error) for anything else. */
    private static Set<Role> roles(@Nullable String role) {
        return Role.SCHOOL_ADMIN.name().equals(role) ? EnumSet.of(Role.SCHOOL_ADMIN)
                : Role.SCHOOL_USER.name().equals(role) ? EnumSet.of(Role.SCHOOL_USER) : EnumSet.noneOf(Role.class);
    }

    private static String role(Set<Role> roles) {
        return roles.contains(Role.SCHOOL_ADMIN) ? Role.SCHOOL_ADMIN.name() : Role.SCHOOL_USER.name();
    }
}
