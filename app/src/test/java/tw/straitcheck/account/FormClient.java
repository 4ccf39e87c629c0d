package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.straitcheck.PageSession;

/**
 * A browser without a browser, over real HTTP ({@link PageSession}: its cookies sent back as they
 * were set, redirects not followed, the test reads them), with forms given as maps and posted with
 * the CSRF token of the page they came from.
 */
final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    private final PageSession session;

    FormClient(String base) {
        this.session = new PageSession(base);
    }

    HttpResponse<String> get(String path) {
        return session.get(path);
    }

    /** Posts the form with the CSRF token of the page {@code from} (read first). */
    HttpResponse<String> submit(String from, String action, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("csrfToken", csrf(get(from)));
        return post(action, fields);
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return session.post(path, List.copyOf(form.entrySet()));
    }

    HttpResponse<String> logIn(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}
