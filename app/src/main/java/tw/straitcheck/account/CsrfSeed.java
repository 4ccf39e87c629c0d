package tw.straitcheck.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.micronaut.session.Session;
import io.micronaut.session.SessionStore;
import io.micronaut.session.http.SessionForRequest;

/**
 * Puts a CSRF token into the session of every page that shows a form, before the page is
 * rendered: micronaut-security-session 4.7.0 (the version that resolves here, see
 * shared/spec/ecosystem-notes.md) does not do it. Each form handler then checks the posted
 * {@code csrfToken} with micronaut-security-csrf's validator ({@link #valid}): the token in the
 * session, signed for that session's id.
 */
@ServerFilter({LoginPages.LOGIN, LoginPages.PASSWORD, LoginPages.PASSWORD + "/**"})
class CsrfSeed implements Ordered {

    private final SessionStore<Session> sessions;
    private final CsrfConfiguration csrf;
    private final CsrfTokenGenerator<HttpRequest<?>> generator;
    private final CsrfTokenValidator<HttpRequest<?>> validator;

    CsrfSeed(SessionStore<Session> sessions, CsrfConfiguration csrf, CsrfTokenGenerator<HttpRequest<?>> generator,
            CsrfTokenValidator<HttpRequest<?>> validator) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.generator = generator;
        this.validator = validator;
    }

    /** Whether the posted token is the one of the request's session. */
    boolean valid(HttpRequest<?> request, @Nullable String posted) {
        return posted != null && !posted.isBlank() && SessionForRequest.find(request).isPresent()
                && validator.validateCsrfToken(request, posted);
    }

    @RequestFilter
    void seed(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET) {
            seed(request, SessionForRequest.findOrCreate(request, sessions));
        }
    }

    /** A token in the session, unless it has one; also after a login's new session. */
    void seed(HttpRequest<?> request, Session session) {
        if (session.get(csrf.getHttpSessionName(), String.class).isEmpty()) {
            session.put(csrf.getHttpSessionName(), generator.generateCsrfToken(request));
        }
    }

    String token(Session session) {
        return session.get(csrf.getHttpSessionName(), String.class).orElse("");
    }

    @Override
    public int getOrder() {
        // after the session filter has found the request's session
        return ServerFilterPhase.SECURITY.after();
    }
}
