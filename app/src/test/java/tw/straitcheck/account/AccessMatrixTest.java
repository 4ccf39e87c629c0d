package tw.straitcheck.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Fixtures;
import tw.straitcheck.MutableClock;
import tw.straitcheck.PageSession;
import tw.straitcheck.TestAccounts;

/**
 * Who may call what (issue 8), enforced on the server: every pair of (anonymous, each role,
 * another school's user, a revoked token) × (every endpoint) and the status it is answered with.
 * School A has a registration in review, with a flag; its administrator, user and token are A's.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns, in this order, of every row below. */
    private static final List<String> WHO = List.of("anonymous", "schoolUser", "schoolAdmin", "reviewer",
            "policyEditor", "systemAdmin", "otherSchoolUser", "revokedToken");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private final java.net.http.HttpClient pagesClient = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    @Inject
    AccountService service;

    @Inject
    MutableClock clock;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String schoolA = "A" + tag;
    private final String schoolB = "B" + tag;
    private final Map<String, String> bearer = new LinkedHashMap<>();
    private String receipt;
    private String subsidy;
    private long flag;
    private long otherSchoolsUser;
    private long otherSchoolsToken;
    private long ministryReviewer;

    @BeforeAll
    void schoolAWithARecordInReviewAndSchoolB() throws IOException {
        clock.setDay(LocalDate.of(2026, 5, 20));
        bearer.put("anonymous", null);
        bearer.put("schoolUser", accounts.bearer("user-" + tag + "@a.edu.tw", Role.SCHOOL_USER, schoolA));
        bearer.put("schoolAdmin", accounts.bearer("admin-" + tag + "@a.edu.tw", Role.SCHOOL_ADMIN, schoolA));
        bearer.put("reviewer", accounts.bearer("reviewer-" + tag + "@moe.gov.tw", Role.REVIEWER, null));
        bearer.put("policyEditor", accounts.bearer("policy-" + tag + "@moe.gov.tw", Role.POLICY_EDITOR, null));
        bearer.put("systemAdmin", accounts.bearer("sysadmin-" + tag + "@moe.gov.tw", Role.SYSTEM_ADMIN, null));
        bearer.put("otherSchoolUser", accounts.bearer("user-" + tag + "@b.edu.tw", Role.SCHOOL_USER, schoolB));

        long userA = service.account("user-" + tag + "@a.edu.tw").orElseThrow().id();
        AccountService.NewToken revoked = service.createToken(userA, "old system", "test");
        service.revokeToken(revoked.view().id());
        bearer.put("revokedToken", "Bearer " + revoked.token());

        otherSchoolsUser = service.account("user-" + tag + "@b.edu.tw").orElseThrow().id();
        otherSchoolsToken = service.createToken(otherSchoolsUser, "b's system", "test").view().id();
        ministryReviewer = service.account("reviewer-" + tag + "@moe.gov.tw").orElseThrow().id();

        ObjectNode flagged = Fixtures.compliantRegistration(schoolA);
        flagged.put("itineraryText", "參訪行程：紅色基地。");
        HttpRequest<String> file = HttpRequest.POST("/api/submissions", flagged.toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(TestAccounts.AUTHORIZATION, bearer.get("schoolUser"));
        JsonNode filed = JSON.readTree(client.toBlocking().retrieve(file));
        receipt = filed.get("receipt").asText();
        assertThat(filed.get("status").asText()).isEqualTo("IN_REVIEW");
        JsonNode record = JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/submissions/" + receipt)
                .header(TestAccounts.AUTHORIZATION, bearer.get("schoolUser"))));
        for (JsonNode f : record.get("versions").get(0).get("findings")) {
            if (f.get("kind").asText().equals("FLAG")) {
                flag = f.get("id").asLong();
            }
        }
        assertThat(flag).isPositive();

        // an approved subsidy of school A, for the subsidy and results report pages and PDFs
        ObjectNode application = Fixtures.baseline("subsidy-application");
        ((ObjectNode) application.get("applicant")).put("code", schoolA);
        subsidy = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/submissions", application.toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(TestAccounts.AUTHORIZATION, bearer.get("schoolUser"))))
                .get("receipt").asText();
        client.toBlocking().exchange(HttpRequest.POST("/api/review/" + subsidy + "/decision",
                "{\"action\":\"APPROVE\",\"approvedAmount\":100000}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, bearer.get("reviewer")), String.class);
    }

    /** One endpoint and the status each of {@link #WHO} gets, in that order. */
    private record Row(HttpMethod method, String uri, String body, String statuses) {
    }

    private List<Row> rows() {
        String registrationA = Fixtures.compliantRegistration(schoolA).toString();
        String noChange = "{\"type\":\"CHANGE\",\"registrationId\":\"" + receipt + "\",\"changeOccurredOn\":\"2026-05-20\","
                + "\"changes\":{},\"reason\":\"x\"}";
        //                                                                         anon usr adm rev pol sys oth rvk
        return List.of(
                new Row(HttpMethod.POST, "/api/checks", registrationA, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/api/rules", null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/api/rules/CONTENT.POLITICAL", null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/api/sources", null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/api/sources/ACT", null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/api/ping", null, "200 200 200 200 200 200 200 200"),
                // filing for school A: A's accounts file; B's user is refused (403), other roles do not file
                new Row(HttpMethod.POST, "/api/submissions", registrationA, "401 201 201 403 403 403 403 401"),
                // a change naming A's record: B's user is told there is no such registration
                new Row(HttpMethod.POST, "/api/submissions", noChange, "401 201 201 403 403 403 422 401"),
                // reading A's record: B's user gets 404 (a receipt reveals nothing); reviewers read records in review
                new Row(HttpMethod.GET, "/api/submissions/" + receipt, null, "401 200 200 200 403 403 404 401"),
                new Row(HttpMethod.GET, "/api/submissions/" + receipt + "/attachments/1", null,
                        "401 404 404 404 403 403 404 401"),
                // a resubmission of a record not returned: 409 for A, 404 for B
                new Row(HttpMethod.PUT, "/api/submissions/" + receipt, registrationA, "401 409 409 403 403 403 404 401"),
                // a withdrawal with a stale If-Match: 409 for A, 404 for B
                new Row(HttpMethod.POST, "/api/submissions/" + receipt + "/withdraw#If-Match=0", "{}",
                        "401 409 409 403 403 403 404 401"),
                new Row(HttpMethod.GET, "/api/review/queue", null, "401 403 403 200 403 403 403 401"),
                new Row(HttpMethod.POST, "/api/review/" + receipt + "/decision#If-Match=0",
                        "{\"action\":\"CLEAR\"}", "401 403 403 409 403 403 403 401"),
                new Row(HttpMethod.POST, "/api/review/" + receipt + "/findings/" + flag, "{\"state\":\"MAYBE\"}",
                        "401 403 403 422 403 403 403 401"),
                new Row(HttpMethod.GET, "/api/review/keyword-stats", null, "401 403 403 200 200 403 403 401"),
                new Row(HttpMethod.GET, "/api/outbox", null, "401 403 403 403 403 200 403 401"),
                // the rulebook's versions, drafts and audit log: policy editors only (nothing is made here)
                new Row(HttpMethod.GET, "/api/rulebook/versions", null, "401 403 403 403 200 403 403 401"),
                new Row(HttpMethod.GET, "/api/rulebook/live", null, "401 403 403 403 200 403 403 401"),
                new Row(HttpMethod.GET, "/api/rulebook/audit", null, "401 403 403 403 200 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts", "{}", "401 403 403 403 422 403 403 401"),
                new Row(HttpMethod.GET, "/api/rulebook/drafts/0", null, "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.GET, "/api/rulebook/drafts/0/diff", null, "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.GET, "/api/rulebook/drafts/0/files/rulebase.yaml", null, "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.PUT, "/api/rulebook/drafts/0/files/rulebase.yaml", "release: x", "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.DELETE, "/api/rulebook/drafts/0/files/rulebase.yaml", null, "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/compile", "{}", "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/test", "{}", "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/cases", "{\"name\":\"a.yaml\"}", "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.DELETE, "/api/rulebook/drafts/0/cases/a.yaml", null, "401 403 403 403 404 403 403 401"),
                // a reviewer's FALSE_POSITIVE mark made a case: policy editors and reviewers (no draft 0: 404)
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/cases/false-positive/" + flag, "{}",
                        "401 403 403 404 404 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/approve", "{\"reason\":\"x\"}", "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/publish", "{\"effectiveFrom\":\"2026-06-01\",\"reason\":\"x\"}",
                        "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/impact", "{}", "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.GET, "/api/rulebook/drafts/0/impact", null, "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.POST, "/api/rulebook/drafts/0/impact/cancel", "{}", "401 403 403 403 404 403 403 401"),
                // the policy editors' pages: without a login, to the login page (303)
                new Row(HttpMethod.GET, "/rulebook/drafts", null, "303 403 403 403 200 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/drafts/0", null, "303 403 403 403 404 403 403 303"),
                // a form without its CSRF token is refused (403) before anything is done
                new Row(HttpMethod.POST, "/rulebook/drafts/0/impact/cancel#form", "csrfToken=x", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/rulebook/drafts/0/cases#form", "csrfToken=x", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/rulebook/drafts/0/cases/remove#form", "csrfToken=x", "303 403 403 403 403 403 403 303"),
                // the flags marked FALSE_POSITIVE, each added to a draft in one click: policy editors and reviewers
                new Row(HttpMethod.GET, "/rulebook/false-positives", null, "303 403 403 200 200 403 403 303"),
                new Row(HttpMethod.POST, "/rulebook/false-positives/" + flag + "#form", "csrfToken=x",
                        "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/versions", null, "303 403 403 403 200 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/audit", null, "303 403 403 403 200 403 403 303"),
                new Row(HttpMethod.POST, "/api/rulebook/versions/0/rollback", "{\"reason\":\"x\"}", "401 403 403 403 404 403 403 401"),
                new Row(HttpMethod.GET, "/api/account/me", null, "401 200 200 200 200 200 200 401"),
                new Row(HttpMethod.POST, "/api/account/password", "{\"currentPassword\":\"wrong\",\"newPassword\":\"x\"}",
                        "401 422 422 422 422 422 422 401"),
                new Row(HttpMethod.GET, "/api/account/users", null, "401 403 200 403 403 403 403 401"),
                new Row(HttpMethod.POST, "/api/account/users", "{\"username\":\"not an address\"}",
                        "401 403 422 403 403 403 403 401"),
                // another school's account or token is not the administrator's: 404
                new Row(HttpMethod.PUT, "/api/account/users/" + otherSchoolsUser + "/enabled", "{\"enabled\":false}",
                        "401 403 404 403 403 403 403 401"),
                new Row(HttpMethod.PUT, "/api/account/users/" + otherSchoolsUser + "/roles", "{\"roles\":[\"SCHOOL_ADMIN\"]}",
                        "401 403 404 403 403 403 403 401"),
                new Row(HttpMethod.GET, "/api/account/tokens", null, "401 403 200 403 403 403 403 401"),
                new Row(HttpMethod.POST, "/api/account/tokens", "{\"name\":\"\"}", "401 403 422 403 403 403 403 401"),
                new Row(HttpMethod.DELETE, "/api/account/tokens/" + otherSchoolsToken, null,
                        "401 403 404 403 403 403 403 401"),
                new Row(HttpMethod.GET, "/api/account/contacts", null, "401 403 200 403 403 403 403 401"),
                new Row(HttpMethod.POST, "/api/account/contacts", "{\"name\":\"\"}", "401 403 422 403 403 403 403 401"),
                new Row(HttpMethod.PUT, "/api/account/contacts/999999999", "{\"name\":\"x\",\"email\":\"x@y\"}",
                        "401 403 404 403 403 403 403 401"),
                new Row(HttpMethod.DELETE, "/api/account/contacts/999999999", null, "401 403 404 403 403 403 403 401"),
                new Row(HttpMethod.GET, "/api/admin/schools", null, "401 403 403 403 403 200 403 401"),
                new Row(HttpMethod.POST, "/api/admin/schools", "{\"code\":\"\"}", "401 403 403 403 403 422 403 401"),
                // taking a record: reviewers only (the reviewer then holds A's record)
                new Row(HttpMethod.POST, "/api/review/" + receipt + "/take", "{}", "401 403 403 200 403 403 403 401"),
                new Row(HttpMethod.POST, "/api/review/" + receipt + "/release", "{}", "401 403 403 200 403 403 403 401"),
                // reviewer pages (issue 8): an anonymous visitor is sent to the login page (303)
                new Row(HttpMethod.GET, "/review", null, "303 403 403 200 403 403 403 303"),
                new Row(HttpMethod.GET, "/review?tab=decided", null, "303 403 403 200 403 403 403 303"),
                new Row(HttpMethod.GET, "/review/records/" + receipt, null, "303 403 403 200 403 403 403 303"),
                new Row(HttpMethod.GET, "/review/records/0000000-000000", null, "303 403 403 404 403 403 403 303"),
                // a form without its CSRF token is refused (403) before anything is done
                new Row(HttpMethod.POST, "/review/records/" + receipt + "/take#form", "csrfToken=x",
                        "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/review/records/" + receipt + "/release#form", "csrfToken=x",
                        "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/review/records/" + receipt + "/findings/" + flag + "#form", "state=CONFIRMED",
                        "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/review/records/" + receipt + "/decision#form", "action=CLEAR",
                        "303 403 403 403 403 403 403 303"),
                // the rulebook's reading pages: policy staff and reviewers
                new Row(HttpMethod.GET, "/rulebook", null, "303 403 403 200 200 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/rules/CONTENT.POLITICAL", null, "303 403 403 200 200 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/rules/NO.SUCH", null, "303 403 403 404 404 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/sources/ACT", null, "303 403 403 200 200 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/lists", null, "303 403 403 200 200 403 403 303"),
                new Row(HttpMethod.GET, "/rulebook/calendars", null, "303 403 403 200 200 403 403 303"),
                // operations: the API's description and its UI and the health status are open (no personal
                // data); the metrics are for a system administrator's token (the scraper's)
                new Row(HttpMethod.GET, apiDescription(), null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/swagger-ui", null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/health", null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.GET, "/prometheus", null, "401 403 403 403 403 200 403 401"),
                // printable PDFs: whoever reads the record; no results report filed yet is 404
                new Row(HttpMethod.GET, "/api/submissions/" + receipt + "/record.pdf", null,
                        "401 200 200 200 403 403 404 401"),
                new Row(HttpMethod.GET, "/api/submissions/" + subsidy + "/record.pdf", null,
                        "401 200 200 200 403 403 404 401"),
                new Row(HttpMethod.GET, "/api/submissions/" + subsidy + "/results-report.pdf", null,
                        "401 404 404 404 403 403 404 401"),
                // a results report's photos: served to readers; added or removed by the school only
                new Row(HttpMethod.GET, "/api/submissions/" + subsidy + "/photos/999999999", null,
                        "401 404 404 404 403 403 404 401"),
                new Row(HttpMethod.DELETE, "/api/submissions/" + subsidy + "/photos/999999999", null,
                        "401 409 409 403 403 403 404 401"),
                // subsidy and results report pages (without a valid login, a page sends to the login page: 303)
                new Row(HttpMethod.GET, "/school/subsidies/new", null, "303 200 200 403 403 403 200 303"),
                new Row(HttpMethod.GET, "/school/records/" + subsidy + "/results-report", null,
                        "303 200 200 403 403 403 404 303"),
                new Row(HttpMethod.GET, "/school/records/" + receipt + "/results-report", null,
                        "303 404 404 403 403 403 404 303"),
                new Row(HttpMethod.GET, "/school/records/" + subsidy + "/record.pdf", null,
                        "303 200 200 403 403 403 404 303"),
                new Row(HttpMethod.GET, "/school/records/" + subsidy + "/results-report.pdf", null,
                        "303 404 404 403 403 403 404 303"),
                new Row(HttpMethod.GET, "/review/records/" + subsidy + "/results-report", null,
                        "303 403 403 200 403 403 403 303"),
                // pages: the login page is open; the JSON API's unknown paths stay 404
                new Row(HttpMethod.GET, "/login", null, "200 200 200 200 200 200 200 200"),
                // forgotten password: open to all; a form without its session's CSRF token is refused
                new Row(HttpMethod.GET, "/password/forgot", null, "200 200 200 200 200 200 200 200"),
                new Row(HttpMethod.POST, "/password/forgot", "username=x%40y.tw", "403 403 403 403 403 403 403 403"),
                new Row(HttpMethod.GET, "/password/reset?token=no-such-token", null, "410 410 410 410 410 410 410 410"),
                new Row(HttpMethod.POST, "/password/reset", "token=x", "403 403 403 403 403 403 403 403"),
                // the school administrator's pages (no login: to the login page); another school's things are 404
                new Row(HttpMethod.GET, "/school/users", null, "303 403 200 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/school/users", "username=x", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/school/users/" + otherSchoolsUser, null, "303 403 404 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/school/users/" + otherSchoolsUser, "role=SCHOOL_ADMIN",
                        "303 403 403 403 403 403 403 303"),
                // a ministry account is no school's
                new Row(HttpMethod.GET, "/school/users/" + ministryReviewer, null, "303 403 404 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/school/contacts", null, "303 403 200 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/school/contacts", "name=x", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/school/contacts/999999999", null, "303 403 404 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/school/contacts/999999999", "name=x", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/school/contacts/999999999/remove", "x=1", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/school/tokens", null, "303 403 200 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/school/tokens", "name=x", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/school/tokens/" + otherSchoolsToken + "/revoke", null,
                        "303 403 404 403 403 403 403 303"),
                new Row(HttpMethod.POST, "/school/tokens/" + otherSchoolsToken + "/revoke", "x=1",
                        "303 403 403 403 403 403 403 303"),
                // the system administrator's pages
                new Row(HttpMethod.GET, "/admin/schools", null, "303 403 403 403 403 200 403 303"),
                new Row(HttpMethod.POST, "/admin/schools", "code=x", "303 403 403 403 403 403 403 303"),
                // the ministry's staff; a school's account is not one of them: 404
                new Row(HttpMethod.GET, "/admin/users", null, "303 403 403 403 403 200 403 303"),
                new Row(HttpMethod.POST, "/admin/users", "username=x", "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/admin/users/" + ministryReviewer, null, "303 403 403 403 403 200 403 303"),
                new Row(HttpMethod.GET, "/admin/users/" + otherSchoolsUser, null, "303 403 403 403 403 404 403 303"),
                new Row(HttpMethod.POST, "/admin/users/" + ministryReviewer, "reviewer=true",
                        "303 403 403 403 403 403 403 303"),
                new Row(HttpMethod.GET, "/admin/outbox", null, "303 403 403 403 403 200 403 303"),
                new Row(HttpMethod.GET, "/admin/outbox?status=FAILED&page=2", null, "303 403 403 403 403 200 403 303"),
                new Row(HttpMethod.GET, "/api/no-such-thing", null, "404 404 404 404 404 404 404 404"));
    }

    /** The path of the OpenAPI description, as the Swagger UI page names it. */
    private static String apiDescription() {
        try (java.io.InputStream page = AccessMatrixTest.class.getClassLoader()
                .getResourceAsStream("META-INF/swagger/views/swagger-ui/index.html")) {
            java.util.regex.Matcher spec = java.util.regex.Pattern.compile("/openapi/[^'\"]+\\.yml")
                    .matcher(new String(page.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(spec.find()).isTrue();
            return spec.group();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int status(Row row, String who) {
        String uri = row.uri();
        String ifMatch = null;
        if (uri.contains("#If-Match=")) {
            ifMatch = uri.substring(uri.indexOf("#If-Match=") + "#If-Match=".length());
            uri = uri.substring(0, uri.indexOf('#'));
        }
        if (isPage(uri)) {
            return pageStatus(row, who);
        }
        MutableHttpRequest<Object> request = HttpRequest.create(row.method(), uri);
        if (row.body() != null) {
            request.body(row.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        if (bearer.get(who) != null) {
            request.header(TestAccounts.AUTHORIZATION, bearer.get(who));
        }
        // a scraper or a tool reading the description takes whatever it is given; the pages are HTML
        boolean tool = uri.startsWith("/openapi/") || uri.equals("/prometheus");
        request.accept(uri.startsWith("/api/") ? MediaType.APPLICATION_JSON_TYPE
                : tool ? MediaType.ALL_TYPE : MediaType.TEXT_HTML_TYPE);
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            String type = e.getResponse().getContentType().map(MediaType::toString).orElse("");
            if ((e.code() == 401 || e.code() == 403) && type.startsWith(MediaType.TEXT_HTML)) {
                // a page's refusal is a readable page (views/error.html), in the same words
                assertThat(e.getResponse().getBody(String.class).orElse("")).as(row.uri() + " as " + who)
                        .contains("<main>", "403");
            } else if (e.code() == 401 || e.code() == 403) {
                JsonNode body = readBody(e);
                assertThat(body.get("message").get("zh").asText()).as(row.uri() + " as " + who).isNotBlank();
                assertThat(body.get("message").get("en").asText()).isNotBlank();
                assertThat(body.has("errors")).isTrue();
            }
            return e.code();
        }
    }

    /**
     * A page, as a browser asks for it: redirects not followed (a page without a login answers 303 to
     * the login page), a form posted url-encoded. The refusals are pages, in both languages.
     */
    /** A page (asked for as a browser does, redirects not followed), not the API or a machine's endpoint. */
    private static boolean isPage(String uri) {
        return !uri.startsWith("/api/") && !uri.startsWith("/openapi/") && !uri.startsWith("/prometheus")
                && !uri.startsWith("/health");
    }

    private int pageStatus(Row row, String who) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.getURL() + row.uri().replace("#form", ""))).header("Accept", "text/html");
        if (row.body() != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(row.method().name(), java.net.http.HttpRequest.BodyPublishers.ofString(row.body()));
        } else {
            request.method(row.method().name(), java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        if (bearer.get(who) != null) {
            request.header(TestAccounts.AUTHORIZATION, bearer.get(who));
        }
        try {
            java.net.http.HttpResponse<String> response = pagesClient.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 303) {
                assertThat(response.headers().firstValue("Location")).as(row.uri() + " as " + who).contains("/login");
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readBody(HttpClientResponseException e) {
        try {
            return JSON.readTree(e.getResponse().getBody(String.class).orElse("{}"));
        } catch (IOException io) {
            throw new AssertionError("not JSON: " + e.getResponse().getBody(String.class).orElse(""), io);
        }
    }

    @Test
    void everyRoleGetsExactlyTheStatusOfItsColumnOnEveryEndpoint() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            String[] expected = row.statuses().split(" ");
            for (int i = 0; i < WHO.size(); i++) {
                int got = status(row, WHO.get(i));
                if (got != Integer.parseInt(expected[i])) {
                    wrong.add(row.method() + " " + row.uri() + " as " + WHO.get(i) + ": expected " + expected[i]
                            + ", got " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The school pages (filing/SchoolPages, SchoolRecordPages) as a browser opens them: logged in
     * by session (the pages' own login), or with a token, or not at all (sent to the login page).
     * School A's record opens to A's accounts only; B's user is told there is no such record.
     */
    @Test
    void everyRoleGetsExactlyTheStatusOfItsColumnOnEverySchoolPage() {
        String record = "/school/records/" + receipt;
        //                                                           anon usr adm rev pol sys oth rvk
        List<Row> pages = List.of(
                new Row(HttpMethod.GET, "/school/check", null, "303 200 200 403 403 403 200 401"),
                new Row(HttpMethod.POST, "/school/check", "activityName=x", "303 403 403 403 403 403 403 401"),
                new Row(HttpMethod.POST, "/school/register", "activityName=x", "303 403 403 403 403 403 403 401"),
                new Row(HttpMethod.GET, "/school/records", null, "303 200 200 403 403 403 200 401"),
                new Row(HttpMethod.GET, record, null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.GET, record + "/filed", null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.GET, record + "/change", null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.GET, record + "/report", null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.GET, record + "/withdraw", null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.GET, record + "/correct", null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.GET, record + "/announcement", null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.GET, record + "/obligations.ics", null, "303 200 200 403 403 403 404 401"),
                new Row(HttpMethod.POST, record + "/withdraw", "lockVersion=0", "303 403 403 403 403 403 403 401"),
                new Row(HttpMethod.POST, record + "/change", "activityName=x", "303 403 403 403 403 403 403 401"),
                new Row(HttpMethod.POST, record + "/report", "held=HELD", "303 403 403 403 403 403 403 401"));
        Map<String, PageSession> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", new PageSession(server.getURL().toString()));
        for (String who : List.of("schoolUser", "schoolAdmin", "reviewer", "policyEditor", "systemAdmin", "otherSchoolUser")) {
            sessions.put(who, PageSession.loggedIn(server.getURL().toString(), username(who)));
        }
        List<String> wrong = new ArrayList<>();
        for (Row row : pages) {
            String[] expected = row.statuses().split(" ");
            for (int i = 0; i < WHO.size(); i++) {
                String who = WHO.get(i);
                int got = who.equals("revokedToken") ? withToken(row, bearer.get(who)) : send(sessions.get(who), row);
                if (got != Integer.parseInt(expected[i])) {
                    wrong.add(row.method() + " " + row.uri() + " as " + who + ": expected " + expected[i] + ", got " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private String username(String who) {
        return switch (who) {
            case "schoolUser" -> "user-" + tag + "@a.edu.tw";
            case "schoolAdmin" -> "admin-" + tag + "@a.edu.tw";
            case "reviewer" -> "reviewer-" + tag + "@moe.gov.tw";
            case "policyEditor" -> "policy-" + tag + "@moe.gov.tw";
            case "systemAdmin" -> "sysadmin-" + tag + "@moe.gov.tw";
            default -> "user-" + tag + "@b.edu.tw";
        };
    }

    /** A form posted without its CSRF token is refused (403) before anything else is looked at. */
    private static int send(PageSession session, Row row) {
        if (row.method() == HttpMethod.GET) {
            return session.get(row.uri()).statusCode();
        }
        String[] field = row.body().split("=", 2);
        return session.post(row.uri(), List.of(Map.entry(field[0], field[1]))).statusCode();
    }

    private int withToken(Row row, String token) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.getURL() + row.uri())).header(TestAccounts.AUTHORIZATION, token);
        request = row.method() == HttpMethod.GET ? request.GET() : request.header("Content-Type",
                "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(row.body()));
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDisabledAccountsTokenAuthenticatesNobody() {
        String name = "disabled-" + tag + "@a.edu.tw";
        String token = accounts.bearer(name, Role.SCHOOL_USER, schoolA);
        service.setEnabled(service.account(name).orElseThrow().id(), false);
        assertThat(status(new Row(HttpMethod.GET, "/api/account/me", null, ""), "x") ).isEqualTo(401);
        bearer.put("disabled", token);
        assertThat(status(new Row(HttpMethod.GET, "/api/account/me", null, ""), "disabled")).isEqualTo(401);
    }

    @Test
    void aSchoolAdministratorMakesAUserAndATokenThatFilesForTheSchoolAndRevokesIt() throws IOException {
        String admin = bearer.get("schoolAdmin");
        String made = client.toBlocking().retrieve(HttpRequest.POST("/api/account/users",
                "{\"username\":\"clerk-" + tag + "@a.edu.tw\",\"displayName\":\"Clerk\",\"roles\":[\"SCHOOL_USER\"],"
                        + "\"password\":\"Clerk-Pass-1\"}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, admin));
        long clerk = JSON.readTree(made).get("id").asLong();
        assertThat(JSON.readTree(made).get("school").asText()).isEqualTo(schoolA);

        JsonNode created = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/account/tokens",
                "{\"name\":\"school system\",\"accountId\":" + clerk + "}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, admin)));
        String token = "Bearer " + created.get("token").asText();
        long tokenId = created.get("view").get("id").asLong();
        assertThat(created.get("token").asText()).startsWith("sct_");
        JsonNode listed = JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/account/tokens")
                .header(TestAccounts.AUTHORIZATION, admin)));
        assertThat(listed.toString()).contains("school system").doesNotContain(created.get("token").asText());

        bearer.put("clerk", token);
        Row file = new Row(HttpMethod.POST, "/api/submissions", Fixtures.compliantRegistration(schoolA).toString(), "");
        assertThat(status(file, "clerk")).isEqualTo(201);
        client.toBlocking().exchange(HttpRequest.DELETE("/api/account/tokens/" + tokenId)
                .header(TestAccounts.AUTHORIZATION, admin), String.class);
        assertThat(status(file, "clerk")).isEqualTo(401);
    }

    @Test
    void aSchoolAdministratorGivesOnlySchoolRoles() {
        String admin = bearer.get("schoolAdmin");
        long userA = service.account("user-" + tag + "@a.edu.tw").orElseThrow().id();
        bearer.put("adminAgain", admin);
        for (String roles : List.of("[\"SYSTEM_ADMIN\"]", "[\"REVIEWER\"]", "[\"SCHOOL_USER\",\"POLICY_EDITOR\"]")) {
            Row grant = new Row(HttpMethod.PUT, "/api/account/users/" + userA + "/roles", "{\"roles\":" + roles + "}", "");
            assertThat(status(grant, "adminAgain")).as(roles).isEqualTo(422);
            Row make = new Row(HttpMethod.POST, "/api/account/users", "{\"username\":\"x-" + tag + "@a.edu.tw\","
                    + "\"displayName\":\"X\",\"roles\":" + roles + ",\"password\":\"Strong-Pass-1\"}", "");
            assertThat(status(make, "adminAgain")).as(roles).isEqualTo(422);
        }
        assertThat(service.account(userA).orElseThrow().roles()).containsExactly(Role.SCHOOL_USER);
    }

    @Test
    void aSchoolAdministratorKeepsTheSchoolsContactPersons() throws IOException {
        String admin = bearer.get("schoolAdmin");
        JsonNode added = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/account/contacts",
                "{\"name\":\"<script>x</script>\",\"title\":\"組長\",\"email\":\"contact@a.edu.tw\",\"phone\":\"06-1\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(TestAccounts.AUTHORIZATION, admin)));
        long id = added.get("id").asLong();
        client.toBlocking().exchange(HttpRequest.PUT("/api/account/contacts/" + id,
                "{\"name\":\"王小明\",\"email\":\"wang@a.edu.tw\"}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(TestAccounts.AUTHORIZATION, admin), String.class);
        JsonNode listed = JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/account/contacts")
                .header(TestAccounts.AUTHORIZATION, admin)));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("王小明");
        client.toBlocking().exchange(HttpRequest.DELETE("/api/account/contacts/" + id)
                .header(TestAccounts.AUTHORIZATION, admin), String.class);
        assertThat(JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/account/contacts")
                .header(TestAccounts.AUTHORIZATION, admin)))).isEmpty();
    }

    @Test
    void aSystemAdministratorCreatesASchoolWithItsFirstAdministrator() throws IOException {
        String code = "C" + tag;
        JsonNode created = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/admin/schools",
                "{\"code\":\"" + code + "\",\"name\":\"新校\",\"admin\":{\"username\":\"first-" + tag + "@c.edu.tw\","
                        + "\"displayName\":\"First\",\"password\":\"First-Admin-1\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(TestAccounts.AUTHORIZATION, bearer.get("systemAdmin"))));
        assertThat(created.get("school").get("code").asText()).isEqualTo(code);
        assertThat(created.get("admin").get("roles").toString()).contains("SCHOOL_ADMIN");
        AccountService.Login first = service.login("first-" + tag + "@c.edu.tw", "First-Admin-1");
        assertThat(((AccountService.LoggedIn) first).actor().mustChangePassword()).isTrue();
        assertThat(EnumSet.copyOf(service.account("first-" + tag + "@c.edu.tw").orElseThrow().roles()))
                .containsExactly(Role.SCHOOL_ADMIN);
    }
}
