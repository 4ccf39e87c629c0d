package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * The pages before the product's own: log in, log out, change the password (also when it must be
 * changed: set by an administrator, or 180 days old), the locked-out answer, and {@code /}, which
 * sends an anonymous visitor to the login. Every form carries the session's CSRF token
 * ({@link CsrfSeed}); a successful login starts a new session (the old id is dropped).
 * zh-TW first; {@code ?lang=en} switches ({@code system/LanguageSwitch}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class LoginPages {

    static final String LOGIN = "/login";
    static final String PASSWORD = "/password";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private final AccountService accounts;
    private final SessionStore<Session> sessions;
    private final CsrfSeed csrf;
    private final Pages pages;

    LoginPages(AccountService accounts, SessionStore<Session> sessions, CsrfSeed csrf, Pages pages) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.pages = pages;
    }

    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password, @Nullable String csrfToken) {
    }

    @Serdeable
    record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
            @Nullable String confirmPassword, @Nullable String csrfToken) {
    }

    @Get
    HttpResponse<?> home(HttpRequest<?> request) {
        Optional<Actor> actor = actor(request);
        if (actor.isEmpty()) {
            return redirect(LOGIN);
        }
        if (actor.get().mustChangePassword()) {
            return redirect(PASSWORD);
        }
        return page(request, HttpStatus.OK, "account/home", Map.of("actor", actor.get(),
                "roles", actor.get().roles().stream().map(Role::name).toList()));
    }

    @Get(LOGIN)
    HttpResponse<?> login(HttpRequest<?> request) {
        if (actor(request).isPresent()) {
            return redirect("/");
        }
        return page(request, HttpStatus.OK, "account/login", Map.of());
    }

    @Post(LOGIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logIn(HttpRequest<?> request, @Body LoginForm form) {
        if (!csrf.valid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        AccountService.Login login = accounts.login(form.username(), form.password());
        if (login instanceof AccountService.LoggedIn in) {
            SessionForRequest.find(request).ifPresent(old -> sessions.deleteSession(old.getId()));
            Session fresh = SessionForRequest.create(sessions, request);
            SessionAuthentication.logIn(fresh, in.actor());
            csrf.seed(request, fresh);
            return redirect(in.actor().mustChangePassword() ? PASSWORD : "/");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("username", form.username() == null ? "" : form.username());
        if (login instanceof AccountService.Locked locked) {
            model.put("until", SHOWN.format(locked.until().atZone(TaipeiClock.ZONE)));
            return page(request, HttpStatus.LOCKED, "account/locked", model);
        }
        model.put("error", login instanceof AccountService.Disabled ? "page.login.disabled" : "page.login.wrong");
        return page(request, HttpStatus.UNAUTHORIZED, "account/login", model);
    }

    @Serdeable
    record LogoutForm(@Nullable String csrfToken) {
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logOut(HttpRequest<?> request, @Body LogoutForm form) {
        if (!csrf.valid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        SessionForRequest.find(request).ifPresent(session -> sessions.deleteSession(session.getId()));
        return redirect(LOGIN);
    }

    @Get(PASSWORD)
    HttpResponse<?> passwordPage(HttpRequest<?> request) {
        Optional<Actor> actor = actor(request);
        if (actor.isEmpty()) {
            return redirect(LOGIN);
        }
        return page(request, HttpStatus.OK, "account/password", Map.of("actor", actor.get()));
    }

    @Post(PASSWORD)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePassword(HttpRequest<?> request, @Body PasswordForm form) {
        Optional<Actor> actor = actor(request);
        if (actor.isEmpty()) {
            return redirect(LOGIN);
        }
        if (!csrf.valid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("actor", actor.get());
        if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
            model.put("errors", List.of(new ErrorBody.Item("confirmPassword",
                    Messages.of("password.confirm-differs"))));
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, "account/password", model);
        }
        try {
            accounts.changePassword(actor.get().accountId(), form.currentPassword(), form.newPassword());
        } catch (ApiException e) {
            model.put("errors", e.body(null).errors());
            return page(request, e.status(), "account/password", model);
        }
        return redirect("/?changed=1");
    }

    private Optional<Actor> actor(HttpRequest<?> request) {
        return pages.actor(request);
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String view,
            Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("changed", request.getParameters().contains("changed"));
        model.put("reset", request.getParameters().contains("reset"));
        return pages.render(request, status, view, model);
    }

    /** A form without its session's CSRF token: 403, in the API's refusal shape. */

    private static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

}
