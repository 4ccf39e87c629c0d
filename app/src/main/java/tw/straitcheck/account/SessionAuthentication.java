package tw.straitcheck.account;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.session.Session;
import io.micronaut.session.http.SessionForRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * A logged-in session holds only its account's id; the account is read again on every request, so
 * disabling it, changing its roles, or its password reaching 180 days takes effect at once, not
 * at the next login. Read off the event loop.
 */
@Singleton
class SessionAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

    static final String ACCOUNT = "straitcheck.account";

    private final AccountService accounts;
    private final ExecutorService blocking;

    SessionAuthentication(AccountService accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<Long> account = accountOf(request);
        if (account.isEmpty()) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(
                () -> accounts.current(account.get()).map(Actor::authentication).orElse(null), blocking));
    }

    static Optional<Long> accountOf(HttpRequest<?> request) {
        return SessionForRequest.find(request).flatMap(s -> s.get(ACCOUNT, Long.class));
    }

    static void logIn(Session session, Actor actor) {
        session.put(ACCOUNT, actor.accountId());
    }
}
