package tw.straitcheck.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.uri.UriBuilder;
import java.util.Set;

/**
 * The pages' language switch: any page opened with {@code ?lang=en} or {@code ?lang=zh-TW} sets the
 * {@code lang} cookie (which the locale resolver reads, application.yml) and comes back to the
 * same page, with its other query values, in that language. The JSON API answers both languages
 * at once and is not switched.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class LanguageSwitch {

    static final String COOKIE = "lang";
    private static final Set<String> LANGUAGES = Set.of("en", "zh-TW");

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> switchLanguage(HttpRequest<?> request) {
        String lang = request.getParameters().get(COOKIE);
        if (request.getMethod() != HttpMethod.GET || lang == null || !LANGUAGES.contains(lang)
                || request.getPath().startsWith("/api/")) {
            return null;
        }
        UriBuilder back = UriBuilder.of(request.getPath());
        request.getParameters().forEach((name, values) -> {
            if (!COOKIE.equals(name)) {
                values.forEach(v -> back.queryParam(name, v));
            }
        });
        return HttpResponse.seeOther(back.build())
                .cookie(Cookie.of(COOKIE, lang).path("/").httpOnly(true).sameSite(SameSite.Lax)
                        .maxAge(60L * 60 * 24 * 365));
    }
}
