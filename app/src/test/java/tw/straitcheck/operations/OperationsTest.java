package tw.straitcheck.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Browser;
import tw.straitcheck.Fixtures;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * The service seen from outside (issue 8, "the ecosystem"): its OpenAPI description and Swagger
 * UI, /health for a load balancer, /prometheus for a scraper with the counters of checks, filings
 * and mail moving as they happen (mail sent to GreenMail).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsTest implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SPEC_URL = Pattern.compile("/openapi/straitcheck-[^'\"]+\\.yml");

    private final int smtpPort = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Override
    public Map<String, String> getProperties() {
        smtp.start();
        return Map.of(
                "javamail.properties.mail.smtp.host", "127.0.0.1",
                "javamail.properties.mail.smtp.port", String.valueOf(smtpPort),
                "javamail.properties.mail.smtp.ehlo", "false",
                "straitcheck.mail.outbox.send-every", "200ms",
                "straitcheck.mail.reminders.enabled", "false");
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theDescriptionIsServedParsesAndDescribesTheJsonApiOnlyWithItsSchemasAndSecurity() throws Exception {
        HttpResponse<String> page = get("/swagger-ui", null);
        Matcher spec = SPEC_URL.matcher(page.body());
        assertThat(spec.find()).as("the Swagger UI names the description").isTrue();

        HttpResponse<String> yaml = get(spec.group(), null);
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        JsonNode description = YAML.readTree(yaml.body());
        assertThat(description.path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        description.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/checks", "/api/submissions", "/api/review/queue")
                .allMatch(p -> p.startsWith("/api/"), "only the JSON API");

        JsonNode check = description.at("/paths/~1api~1checks/post");
        assertThat(check.at("/tags/0").asText()).isEqualTo("checks");
        assertThat(check.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/CheckResult");
        assertThat(check.at("/responses/422/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ErrorBody");
        assertThat(check.at("/responses/default/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ErrorBody");
        assertThat(description.at("/paths/~1api~1submissions/post/responses/201/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Filing");
        String queue = description.at("/paths/~1api~1review~1queue/get/responses/200/content/application~1json/schema/$ref")
                .asText();
        assertThat(queue).startsWith("#/components/schemas/");

        JsonNode schemas = description.at("/components/schemas");
        assertThat(schemas.has(queue.substring("#/components/schemas/".length()))).isTrue();
        assertThat(schemas.has("LoginPages.LoginForm")).as("the pages' forms are no part of the API").isFalse();
        assertThat(schemas.at("/CheckResult/properties").has("verdict")).isTrue();
        assertThat(schemas.at("/CheckResult/properties").has("findings")).isTrue();
        assertThat(schemas.at("/Filing/properties").has("receipt")).isTrue();
        assertThat(schemas.at("/ErrorBody/properties").has("errors")).isTrue();
        assertThat(description.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
        assertThat(description.at("/components/securitySchemes/session/in").asText()).isEqualTo("cookie");
        List<String> tags = new ArrayList<>();
        description.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertThat(tags).contains("checks", "submissions", "review", "rulebook", "accounts", "administration");
    }

    @Test
    void theSwaggerUiUsesOnlyItsBundledFilesUnderAPolicyAllowingExactlyItsOwnInlineScript() throws Exception {
        HttpResponse<String> page = get("/swagger-ui", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self' 'sha256-").doesNotContain("unsafe-eval");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                .doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("http://", "https://", "//cdn", "unpkg", "jsdelivr");
        assertThat(page.body()).contains("/swagger-ui/res/swagger-ui-bundle.js");
        assertThat(get("/swagger-ui/res/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui/res/swagger-ui.css", null).statusCode()).isEqualTo(200);
        // every other page keeps the strict policy
        assertThat(get("/login", null).headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("sha256-").doesNotContain("unsafe-inline");

        try (Browser browser = Browser.open(server.getURL().toString())) {
            // every refusal by the page's policy, recorded by a script the policy does not apply to
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.refused = []; document.addEventListener('securitypolicyviolation',"
                            + " e => window.refused.push(e.effectiveDirective + ' ' + e.blockedURI));"));
            browser.go("/swagger-ui");
            browser.find(".opblock-summary-path");
            browser.click(".opblock-summary-path");
            browser.find(".opblock-body");
            assertThat(browser.driver().executeScript("return window.refused")).as("refused by the policy")
                    .asList().isEmpty();
            assertThat(browser.text()).contains("StraitCheck", "/api/checks", "/api/submissions", "/api/review/queue")
                    .doesNotContain("/login");
            browser.language("en");
            browser.find(".opblock-summary-path");
            browser.screenshot("swagger-ui");
        }
    }

    @Test
    void healthIsUpForAnyoneWithTheDatabaseDetailsForSystemAdministratorsOnly() throws Exception {
        HttpResponse<String> anonymous = get("/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(anonymous.body());
        assertThat(status.path("status").asText()).isEqualTo("UP");
        assertThat(status.path("details").isMissingNode() || status.path("details").isNull()).isTrue();
        JsonNode asReviewer = JSON.readTree(get("/health", accounts.reviewer("health-reviewer@moe.gov.tw")).body());
        assertThat(asReviewer.path("details").isNull()).isTrue();

        JsonNode asAdmin = JSON.readTree(get("/health", accounts.systemAdmin()).body());
        assertThat(asAdmin.path("status").asText()).isEqualTo("UP");
        assertThat(asAdmin.at("/details/jdbc/status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusIsForASystemAdministratorsTokenAndCountsChecksFilingsAndMail() throws Exception {
        assertThat(get("/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/prometheus", accounts.reviewer("metrics-reviewer@moe.gov.tw")).statusCode()).isEqualTo(403);
        String admin = accounts.systemAdmin();
        String before = get("/prometheus", admin).body();

        HttpResponse<String> checked = post("/api/checks", Fixtures.compliantRegistration("013301").toString(), null);
        assertThat(checked.statusCode()).isEqualTo(200);
        String verdict = JSON.readTree(checked.body()).path("verdict").asText();
        String filer = accounts.bearer("metrics-filer@example.edu.tw", Role.SCHOOL_USER, "013301");
        HttpResponse<String> filed = post("/api/submissions", Fixtures.compliantRegistration("013301").toString(), filer);
        assertThat(filed.statusCode()).isEqualTo(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (smtp.getReceivedMessagesForDomain("metrics-filer@example.edu.tw").length == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(smtp.getReceivedMessagesForDomain("metrics-filer@example.edu.tw")).isNotEmpty();
        Thread.sleep(300); // the worker counts after its transaction

        String after = get("/prometheus", admin).body();
        String checks = "straitcheck_checks_seconds_count{type=\"EXCHANGE_ACTIVITY\",verdict=\"" + verdict + "\"}";
        assertThat(value(after, checks)).isGreaterThanOrEqualTo(value(before, checks) + 2); // the pre-check and the filing's
        String filings = "straitcheck_filings_total{kind=\"REGISTRATION\"}";
        assertThat(value(after, filings)).isGreaterThanOrEqualTo(value(before, filings) + 1);
        String sent = "straitcheck_mail_total{outcome=\"sent\"}";
        assertThat(value(after, sent)).isGreaterThanOrEqualTo(value(before, sent) + 1);
        assertThat(after).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
    }

    /** A sample's value in the Prometheus text format; 0 when it is not there yet. */
    private static double value(String exposition, String sample) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).strip());
            }
        }
        return 0;
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
        if (bearer != null) {
            request.header(TestAccounts.AUTHORIZATION, bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header(TestAccounts.AUTHORIZATION, bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
