package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.session.http.SessionForRequest;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * How every page of the product is answered: the view rendered with the answer's own status
 * (200, 401, 409, 422...), with what every page's layout needs ({@code views/layout.html}): who is
 * logged in, the navigation their roles open, the session's CSRF token for the forms, the path
 * (for the language switch) and today's date in Taipei. A refusal that the API answers as JSON
 * ({@link ApiException}) is answered on a page as {@code views/error.html}, in the same words.
 */
@Singleton
public class Pages {

    /** One link of the navigation bar: the message key of its label and where it goes. */
    public record NavLink(String label, String href) {
    }

    private final AccountService accounts;
    private final CsrfSeed csrf;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;
    private final Clock clock;

    Pages(AccountService accounts, CsrfSeed csrf, ViewsRenderer<Map<String, Object>, HttpRequest<?>> views,
            Clock clock) {
        this.accounts = accounts;
        this.csrf = csrf;
        this.views = views;
        this.clock = clock;
    }

    /** The session's account as it is now (the pages use the session only, never a token). */
    public Optional<Actor> actor(HttpRequest<?> request) {
        Optional<Long> session = SessionAuthentication.accountOf(request);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        // SessionAuthentication has read the session's account for this request already
        Optional<Actor> read = request.getUserPrincipal(Authentication.class).map(Actor::of)
                .filter(actor -> actor.accountId() == session.get());
        return read.isPresent() ? read : session.flatMap(accounts::current);
    }

    /** Whether a posted form carries its session's CSRF token. */
    public boolean csrfValid(HttpRequest<?> request, @Nullable String posted) {
        return csrf.valid(request, posted);
    }

    public MutableHttpResponse<String> ok(HttpRequest<?> request, String view, Map<String, Object> values) {
        return render(request, HttpStatus.OK, view, values);
    }

    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String view,
            Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        Optional<Actor> actor = actor(request);
        model.putIfAbsent("actor", actor.orElse(null));
        model.put("nav", actor.map(Pages::navigation).orElse(List.of()));
        model.put("csrfToken", SessionForRequest.find(request).map(csrf::token).orElse(""));
        model.put("path", request.getPath());
        model.put("today", TaipeiClock.today(clock));
        model.put("pg", new Helpers(TaipeiClock.today(clock)));
        StringWriter html = new StringWriter();
        try {
            views.render(view, model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .body(html.toString());
    }

    /** A refusal as a readable page: its status, its words and its field-by-field errors. */
    public MutableHttpResponse<String> error(HttpRequest<?> request, ApiException refused) {
        ErrorBody body = refused.body(null);
        Map<String, Object> model = new HashMap<>();
        model.put("status", refused.status().getCode());
        model.put("error", body);
        return render(request, refused.status(), "error", model);
    }

    /** A form posted without its session's token (an expired page, or another site's form). */
    public MutableHttpResponse<String> csrfRefused(HttpRequest<?> request) {
        return error(request, ApiException.forbidden(Messages.of("page.csrf")));
    }

    public static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    /**
     * What the templates compute, as {@code ${pg...}} (Thymeleaf's OGNL has no safe static calls):
     * days from today in Taipei, and the dated findings of a kind.
     */
    public record Helpers(LocalDate today) {

        /** Days from today to a date: negative when it has passed. */
        public long daysUntil(LocalDate day) {
            return ChronoUnit.DAYS.between(today, day);
        }

        /** The findings of a kind with a due date, earliest first (the obligations' timeline). */
        public List<ReportedFinding> dated(List<ReportedFinding> findings, String kind) {
            return findings.stream().filter(f -> f.kind().name().equals(kind) && f.due() != null)
                    .sorted(Comparator.comparing(ReportedFinding::due)).toList();
        }
    }

    /** The pages each role opens, in the order of the navigation bar. */
    static List<NavLink> navigation(Actor actor) {
        List<NavLink> links = new ArrayList<>();
        if (actor.ofSchool()) {
            links.add(new NavLink("nav.check", "/school/check"));
            links.add(new NavLink("nav.records", "/school/records"));
            links.add(new NavLink("nav.subsidy", "/school/subsidies/new"));
        }
        if (actor.school() != null && actor.has(Role.SCHOOL_ADMIN)) {
            links.add(new NavLink("nav.users", "/school/users"));
            links.add(new NavLink("nav.contacts", "/school/contacts"));
            links.add(new NavLink("nav.tokens", "/school/tokens"));
        }
        if (actor.has(Role.REVIEWER)) {
            links.add(new NavLink("nav.queue", "/review"));
        }
        if (actor.has(Role.POLICY_EDITOR)) {
            links.add(new NavLink("nav.rulebook", "/rulebook"));
            links.add(new NavLink("nav.drafts", "/rulebook/drafts"));
        }
        if (actor.has(Role.SYSTEM_ADMIN)) {
            links.add(new NavLink("nav.schools", "/admin/schools"));
            links.add(new NavLink("nav.staff", "/admin/users"));
            links.add(new NavLink("nav.outbox", "/admin/outbox"));
        }
        return links;
    }
}
