package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.straitcheck.Fixtures;
import tw.straitcheck.PageSession;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * The cases kept with a draft, on 2026-05-20, on a database of its own with one record flagged for
 * 紅色基地 that a reviewer marked FALSE_POSITIVE: a case is added and removed through the API and on
 * the draft page (CSRF-protected, a refusal shown at its field), and the false-positives page lists
 * the mark, whose one click adds it as a case to the chosen draft, which the draft page shows and
 * the corpus run includes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftCasesTest {

    /** A case of its own: the visit baseline, as a case file reads it. */
    private static final String CASE = """
            name: the visit baseline kept with a draft
            baseline: visit
            asOf: 2026-05-20
            expect:
              verdict: COMPLIANT
            """;

    private EmbeddedServer server;
    private Api api;
    private String editor;
    private String reviewer;
    private String receipt;
    private long flag;

    @BeforeAll
    void anInstanceAndAFlagMarkedFalsePositive() {
        server = PolicyTests.freshInstance("2026-05-20");
        api = new Api(server.getURL());
        TestAccounts accounts = server.getApplicationContext().getBean(TestAccounts.class);
        editor = accounts.bearer("policy@moe.gov.tw", Role.POLICY_EDITOR, null);
        reviewer = accounts.reviewer("reviewer@moe.gov.tw");
        ObjectNode redBase = Fixtures.compliantRegistration("013301");
        redBase.put("itineraryText", "參訪行程：紅色基地。");
        receipt = api.postAs(accounts.filer("013301"), "/api/submissions", redBase.toString()).json().get("receipt").asText();
        for (JsonNode f : api.get(reviewer, "/api/submissions/" + receipt).json().get("versions").get(0).get("findings")) {
            if (f.get("ruleId").asText().equals("CONTENT.POLITICAL")) {
                flag = f.get("id").asLong();
            }
        }
        assertThat(flag).isPositive();
        api.postAs(reviewer, "/api/review/" + receipt + "/findings/" + flag,
                "{\"state\":\"FALSE_POSITIVE\",\"note\":\"紅色基地為研究站之名\"}");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aCaseKeptWithADraftIsRemovedThroughTheApiOnceAndThenIsNotFound() {
        long draft = draft("a case to remove");
        api.postAs(editor, "/api/rulebook/drafts/" + draft + "/cases",
                "{\"name\":\"kept.yaml\",\"content\":" + json(CASE) + ",\"reason\":\"x\"}");
        assertThat(api.get(editor, "/api/rulebook/drafts/" + draft).json().get("cases").toString()).contains("kept.yaml");

        assertThat(api.delete(reviewer, "/api/rulebook/drafts/" + draft + "/cases/kept.yaml").status()).isEqualTo(403);
        Api.Answer removed = api.delete(editor, "/api/rulebook/drafts/" + draft + "/cases/kept.yaml?reason=not%20needed");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(api.get(editor, "/api/rulebook/drafts/" + draft).json().get("cases")).isEmpty();
        Api.Answer again = api.delete(editor, "/api/rulebook/drafts/" + draft + "/cases/kept.yaml");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains("no case of that name");
        assertThat(api.delete(editor, "/api/rulebook/drafts/999999/cases/kept.yaml").status()).isEqualTo(404);

        JsonNode latest = api.get(editor, "/api/rulebook/audit?limit=1").json().get(0);
        assertThat(latest.get("action").asText()).isEqualTo("FILE_DELETED");
        assertThat(latest.get("what").asText()).contains("kept.yaml");
        assertThat(latest.get("why").asText()).isEqualTo("not needed");
    }

    @Test
    void theDraftPageAddsACaseRefusesABadOneAtItsFieldAndRemovesItWithItsCsrfToken() {
        long draft = draft("cases on the page");
        PageSession session = inEnglish();
        HttpResponse<String> page = session.get("/rulebook/drafts/" + draft);
        assertThat(page.body()).contains("Cases kept with this draft (0)", "This draft keeps no cases of its own yet.");
        String csrf = session.csrf(page);
        String path = "/rulebook/drafts/" + draft + "/cases";

        assertThat(session.post(path, List.of(Map.entry("name", "page.yaml"), Map.entry("content", CASE),
                Map.entry("csrfToken", "forged"))).statusCode()).as("the form is CSRF-protected").isEqualTo(403);
        HttpResponse<String> refused = session.post(path, List.of(Map.entry("name", "Bad Name.yaml"),
                Map.entry("content", CASE), Map.entry("csrfToken", csrf)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("a case file name is lower-case letters", "Bad Name.yaml");
        HttpResponse<String> notACase = session.post(path, List.of(Map.entry("name", "page.yaml"),
                Map.entry("content", "expect: [\n"), Map.entry("csrfToken", csrf)));
        assertThat(notACase.statusCode()).isEqualTo(422);
        assertThat(notACase.body()).contains("not a valid case file");

        HttpResponse<String> added = session.post(path, List.of(Map.entry("name", "page.yaml"), Map.entry("content", CASE),
                Map.entry("reason", "the baseline"), Map.entry("csrfToken", csrf)));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue("/rulebook/drafts/" + draft + "#cases");
        String shown = session.get("/rulebook/drafts/" + draft).body();
        assertThat(shown).contains("Cases kept with this draft (1)", "page.yaml", "the visit baseline kept with a draft");

        assertThat(session.post(path + "/remove", List.of(Map.entry("name", "page.yaml"), Map.entry("csrfToken", "forged")))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> removed = session.post(path + "/remove", List.of(Map.entry("name", "page.yaml"),
                Map.entry("csrfToken", csrf)));
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(session.get("/rulebook/drafts/" + draft).body()).contains("Cases kept with this draft (0)");
        HttpResponse<String> gone = session.post(path + "/remove", List.of(Map.entry("name", "page.yaml"),
                Map.entry("csrfToken", csrf)));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("the draft keeps no case of that name");
    }

    @Test
    void theFalsePositivesPageListsTheMarkAndOneClickAddsItToTheChosenDraftWhoseCorpusRunIncludesIt() {
        long other = draft("another open draft");
        long draft = draft("learn from the red base");
        PageSession session = inEnglish();
        HttpResponse<String> page = session.get("/rulebook/false-positives");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("False positives", receipt, "CONTENT.POLITICAL", "紅色基地", "reviewer@moe.gov.tw",
                "紅色基地為研究站之名", "/rulebook/rules/CONTENT.POLITICAL", "Draft " + draft + ": learn from the red base",
                "Draft " + other + ": another open draft", "Add to draft");
        assertThat(page.body()).as("a policy editor is not a reviewer: no link to the review record")
                .doesNotContain("/review/records/" + receipt);
        assertThat(session.post("/rulebook/false-positives/" + flag, List.of(Map.entry("draft", String.valueOf(draft)),
                Map.entry("csrfToken", "forged"))).statusCode()).isEqualTo(403);

        HttpResponse<String> added = session.post("/rulebook/false-positives/" + flag,
                List.of(Map.entry("draft", String.valueOf(draft)), Map.entry("csrfToken", session.csrf(page))));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue("/rulebook/drafts/" + draft + "#cases");
        String name = "false-positive-" + receipt + "-" + flag + ".yaml";
        assertThat(session.get("/rulebook/drafts/" + draft).body()).contains("Cases kept with this draft (1)", name,
                "absent:", "CONTENT.POLITICAL");
        assertThat(api.get(editor, "/api/rulebook/drafts/" + other).json().get("cases")).as("only the chosen draft").isEmpty();

        HttpResponse<String> run = session.post("/rulebook/drafts/" + draft + "/test",
                List.of(Map.entry("csrfToken", session.csrf(page))));
        assertThat(run.statusCode()).isEqualTo(200);
        // the rules still raise the flag, so the case fails until the draft stops raising it
        assertThat(run.body()).contains("draft/" + name, "unexpected CONTENT.POLITICAL", "failed");

        HttpResponse<String> unknown = session.post("/rulebook/false-positives/999999",
                List.of(Map.entry("draft", String.valueOf(draft)), Map.entry("csrfToken", session.csrf(page))));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no flag with that id is marked FALSE_POSITIVE");
    }

    @Test
    void aReviewerSeesTheMarkWithItsRecordLinkAndAfterAddingComesBackToThePage() {
        long draft = draft("a reviewer adds");
        PageSession session = PageSession.loggedIn(server.getURL().toString(), "reviewer@moe.gov.tw");
        HttpResponse<String> page = session.get("/rulebook/false-positives");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("誤判標記", "/review/records/" + receipt, "加入草案", "2026/");
        HttpResponse<String> added = session.post("/rulebook/false-positives/" + flag,
                List.of(Map.entry("draft", String.valueOf(draft)), Map.entry("csrfToken", session.csrf(page))));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue("/rulebook/false-positives?added=" + draft);
        assertThat(session.get("/rulebook/false-positives?added=" + draft).body()).contains("已加入草案 " + draft + " 之案例");
        assertThat(api.get(editor, "/api/rulebook/drafts/" + draft).json().get("cases").toString())
                .contains("false-positive-" + receipt);
    }

    private long draft(String reason) {
        return api.postAs(editor, "/api/rulebook/drafts", "{\"reason\":\"" + reason + "\"}").json().get("id").asLong();
    }

    private PageSession inEnglish() {
        PageSession session = PageSession.loggedIn(server.getURL().toString(), "policy@moe.gov.tw");
        session.get("/rulebook/drafts?lang=en");
        return session;
    }

    private static String json(String text) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text).toString();
    }
}
