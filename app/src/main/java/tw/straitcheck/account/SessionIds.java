package tw.straitcheck.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.session.SessionIdResolver;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The HTTP session's id, which signs its CSRF token (a token of one session is refused in another). */
@Singleton
class SessionIds implements SessionIdResolver<HttpRequest<?>> {

    @Override
    public Optional<String> findSessionId(HttpRequest<?> request) {
        return SessionForRequest.find(request).map(Session::getId);
    }
}
