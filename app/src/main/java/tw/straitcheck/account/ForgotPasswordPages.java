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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.Messages;

/**
 * {@code /password/forgot} and {@code /password/reset?token=…}: a forgotten password by mail
 * ({@link PasswordResets}). The request's answer is the same whether or not the address has an
 * account; the reset page shows its form only for a usable link and applies the password rules.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ForgotPasswordPages {

    static final String FORGOT = "/password/forgot";
    static final String RESET = "/password/reset";

    private final PasswordResets resets;
    private final ResetSettings settings;
    private final Pages pages;

    ForgotPasswordPages(PasswordResets resets, ResetSettings settings, Pages pages) {
        this.resets = resets;
        this.settings = settings;
        this.pages = pages;
    }

    @Serdeable
    record ForgotForm(@Nullable String username, @Nullable String csrfToken) {
    }

    @Serdeable
    record ResetForm(@Nullable String token, @Nullable String newPassword, @Nullable String confirmPassword,
            @Nullable String csrfToken) {
    }

    @Get(FORGOT)
    HttpResponse<?> forgotPage(HttpRequest<?> request) {
        return pages.ok(request, "account/forgot", Map.of("minutes", settings.expiry().toMinutes()));
    }

    @Post(FORGOT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> forgot(HttpRequest<?> request, @Body ForgotForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("minutes", settings.expiry().toMinutes());
        model.put("username", form.username() == null ? "" : form.username());
        if (resets.request(form.username(), client(request)) == PasswordResets.Requested.TOO_MANY) {
            model.put("tooMany", settings.window().toMinutes());
            return pages.render(request, HttpStatus.TOO_MANY_REQUESTS, "account/forgot", model);
        }
        model.put("sent", true);
        return pages.ok(request, "account/forgot", model);
    }

    @Get(RESET)
    HttpResponse<?> resetPage(HttpRequest<?> request, @QueryValue @Nullable String token) {
        if (!resets.usable(token)) {
            return gone(request);
        }
        return pages.ok(request, "account/reset", Map.of("token", token));
    }

    @Post(RESET)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reset(HttpRequest<?> request, @Body ResetForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("token", form.token() == null ? "" : form.token());
        if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
            if (!resets.usable(form.token())) {
                return gone(request);
            }
            model.put("errors", List.of(new ErrorBody.Item("confirmPassword", Messages.of("password.confirm-differs"))));
            return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "account/reset", model);
        }
        try {
            if (!resets.reset(form.token(), form.newPassword())) {
                return gone(request);
            }
        } catch (ApiException e) {
            model.put("errors", e.body(null).errors());
            return pages.render(request, e.status(), "account/reset", model);
        }
        return Pages.redirect(LoginPages.LOGIN + "?reset=1");
    }

    /** A link used, expired, replaced by a newer one, or made before the password last changed. */
    private HttpResponse<?> gone(HttpRequest<?> request) {
        return pages.render(request, HttpStatus.GONE, "account/reset", Map.of("gone", true));
    }

    /** The client as the server sees it (behind a proxy: the proxy, which then limits for all its users). */
    private static String client(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress() == null ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
