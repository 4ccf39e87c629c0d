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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Messages;

/**
 * {@code /school/tokens}: API tokens for the school's systems ({@code Authorization: Bearer}). A new
 * token is shown on the page that creates it, and never again (only its SHA-256 is kept); the list
 * shows when each was made and last used; revoking asks first, on a page of its own.
 */
@Controller
@Secured(Role.Names.SCHOOL_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class TokenPages {

    static final String TOKENS = "/school/tokens";

    private final AccountService accounts;
    private final Pages pages;

    TokenPages(AccountService accounts, Pages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    /** A token as listed: whose it is, when made, last used and revoked. */
    record Row(long id, String name, String account, String createdBy, String created, String lastUsed,
            String revoked, boolean active) {
    }

    @Serdeable
    record TokenForm(@Nullable String name, @Nullable Long accountId, @Nullable String csrfToken) {
    }

    @Serdeable
    record RevokeForm(@Nullable String csrfToken) {
    }

    @Get(TOKENS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        Actor admin = Actor.of(authentication);
        return listPage(request, HttpStatus.OK, admin, Map.of("form", new TokenForm("", admin.accountId(), null)));
    }

    @Post(TOKENS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @Body TokenForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Actor admin = Actor.of(authentication);
        long accountId = form.accountId() == null ? admin.accountId() : form.accountId();
        try {
            if (schoolAccount(admin, accountId).isEmpty()) {
                throw ApiException.invalid(FieldError.of("accountId", "account.no-account"));
            }
            AccountService.NewToken made = accounts.createToken(accountId, form.name(), admin.username());
            return listPage(request, HttpStatus.OK, admin, Map.of("created", made,
                    "form", new TokenForm("", admin.accountId(), null)));
        } catch (ApiException e) {
            return listPage(request, e.status(), admin, Map.of("errors", e.body(null).errors(), "form", form));
        }
    }

    @Get(TOKENS + "/{id}/revoke")
    HttpResponse<?> confirm(HttpRequest<?> request, Authentication authentication, @PathVariable long id) {
        return own(Actor.of(authentication), id)
                .<HttpResponse<?>>map(row -> pages.ok(request, "school/token-revoke", Map.of("token", row)))
                .orElseGet(() -> pages.error(request, noToken()));
    }

    @Post(TOKENS + "/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, Authentication authentication, @PathVariable long id,
            @Body RevokeForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        if (own(Actor.of(authentication), id).isEmpty()) {
            return pages.error(request, noToken());
        }
        accounts.revokeToken(id);
        return Pages.redirect(TOKENS + "?revoked=1");
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, Actor admin, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        List<AccountService.AccountView> users = accounts.accountsOf(admin.school());
        model.put("tokens", rows(users));
        model.put("users", users.stream().filter(AccountService.AccountView::enabled).toList());
        model.put("revoked", request.getParameters().contains("revoked"));
        return pages.render(request, status, "school/tokens", model);
    }

    private List<Row> rows(List<AccountService.AccountView> users) {
        return users.stream().flatMap(u -> accounts.tokensOf(u.id()).stream().map(t -> new Row(t.id(), t.name(),
                        u.username(), t.createdBy(), Shown.time(t.createdAt()), Shown.time(t.lastUsedAt()),
                        Shown.time(t.revokedAt()), t.revokedAt() == null)))
                .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    private Optional<AccountService.AccountView> schoolAccount(Actor admin, long accountId) {
        return accounts.account(accountId).filter(a -> admin.school().equals(a.school()));
    }

    /** The token, if it is one of the administrator's school's accounts'. */
    private Optional<Row> own(Actor admin, long id) {
        return rows(accounts.accountsOf(admin.school())).stream().filter(r -> r.id() == id).findFirst();
    }

    private static ApiException noToken() {
        return ApiException.notFound(Messages.of("account.no-token"));
    }
}
