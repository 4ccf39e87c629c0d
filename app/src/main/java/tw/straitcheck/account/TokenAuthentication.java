package tw.straitcheck.account;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * {@code Authorization: Bearer <token>}: a school system's API token acts as its account. A
 * revoked token, or one of a disabled account, authenticates nobody (the request is anonymous).
 * The token is looked up off the event loop.
 */
@Singleton
class TokenAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

    private static final String BEARER = "Bearer ";

    private final AccountService accounts;
    private final ExecutorService blocking;

    TokenAuthentication(AccountService accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Publishers.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(
                () -> accounts.byToken(token).map(Actor::authentication).orElse(null), blocking));
    }
}
