package tw.straitcheck.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.TestAccounts;

/**
 * The subsidy and results report forms over plain HTTP with a logged-in session: a refused form is
 * answered 422 with each error next to its field and what was typed kept; a form without its CSRF
 * token 403; a save after the report's due 409 with the reason; another school's subsidy 404.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class SubsidyPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";")[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return m.group(1);
    }

    private void logIn(String username) throws IOException, InterruptedException {
        String token = csrf(get("/login"));
        assertThat(post("/login", Map.of("username", username, "password", TestAccounts.PASSWORD, "csrfToken", token))
                .statusCode()).isEqualTo(303);
    }

    @Test
    void theResultsReportFormRefusesWith422NextToTheFieldKeepsWhatWasTypedAndIsClosedAfterItsDue()
            throws IOException, InterruptedException {
        // accounts made on 2026-07-01: their passwords are not yet 180 days old on the day after the due
        clock.setDay(LocalDate.of(2026, 7, 1));
        ApprovedSubsidy subsidy = new ApprovedSubsidy(URI.create(server.getURL().toString()), accounts).approved();
        logIn(TestAccounts.filerName(subsidy.school));
        clock.setDay(LocalDate.of(2026, 10, 5));
        String path = "/school/records/" + subsidy.receipt + "/results-report";
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);

        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf(page));
        form.put("held", "AS_PLANNED");
        form.put("expenditure[0].item", "交通費");
        form.put("expenditure[0].approved", "217500");
        form.put("expenditure[0].actual", "二十萬");
        form.put("expenditure[0].note", "");
        form.put("highlights", "<script>alert(1)</script>");
        HttpResponse<String> refused = post(path, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"二十萬\"", "class=\"field-error\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        form.put("expenditure[0].actual", "200000");
        form.put("expenditure[1].item", "住宿費");
        form.put("expenditure[1].approved", "120000");
        form.put("expenditure[1].actual", "120000");
        form.put("expenditure[1].note", "");
        HttpResponse<String> saved = post(path, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(get(path).body()).contains("91.95 %", "94.81 %");

        Map<String, String> noToken = new LinkedHashMap<>(form);
        noToken.remove("csrfToken");
        assertThat(post(path, noToken).statusCode()).isEqualTo(403);

        clock.setDay(LocalDate.of(2026, 11, 19)); // the day after its due; a session idle that long has ended
        cookies.clear();
        logIn(TestAccounts.filerName(subsidy.school));
        HttpResponse<String> closed = get(path);
        assertThat(closed.body()).contains("disabled");
        form.put("csrfToken", csrf(closed));
        HttpResponse<String> late = post(path, form);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("2026/11/18");

        cookies.clear();
        accounts.filer("other-" + subsidy.school);
        logIn(TestAccounts.filerName("other-" + subsidy.school));
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void theSubsidyFormRefusesWith422AndAPreCheckStoresNothing() throws IOException, InterruptedException {
        clock.setDay(LocalDate.of(2026, 5, 20));
        String school = "sp-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.filer(school);
        logIn(TestAccounts.filerName(school));
        HttpResponse<String> page = get("/school/subsidies/new");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", csrf(page));
        form.put("applicant.kind", "SCHOOL");
        form.put("applicant.code", school);
        form.put("applicant.name", "測試學校");
        form.put("activityName", "");
        form.put("participants.count", "十二");
        form.put("action", "check");
        HttpResponse<String> refused = post("/school/subsidies/new", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"十二\"", "value=\"測試學校\"", "class=\"field-error\"");
        form.put("action", "apply");
        assertThat(post("/school/subsidies/new", form).statusCode()).isEqualTo(422);
    }
}
