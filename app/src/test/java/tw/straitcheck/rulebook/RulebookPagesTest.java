package tw.straitcheck.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tw.straitcheck.MutableClock;
import tw.straitcheck.RawHttp;
import tw.straitcheck.TestAccounts;
import tw.straitcheck.account.Role;

/**
 * The rulebook's reading pages over HTTP: the rules, one rule with its quoted citations, DRL and
 * cases, a source, the keyword lists and the calendars with the warning for next year's, on both
 * sides of its 90-day boundary; who may open them.
 */
@MicronautTest(transactional = false)
@Property(name = "straitcheck.test.today", value = "2026-05-20")
class RulebookPagesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TestAccounts accounts;

    @Inject
    MutableClock clock;

    private RawHttp editor;

    @BeforeEach
    void editor() {
        clock.setDay(LocalDate.of(2026, 5, 20));
        editor = new RawHttp(server.getURI()).as(accounts.bearer("rulebook-editor@moe.gov.tw", Role.POLICY_EDITOR, null));
    }

    private RawHttp.Answer english(RawHttp as, String path) {
        return as.send("GET", path, null, null, "Cookie", "lang=en");
    }

    @Test
    void theRulesAndOneRuleWithItsCitationsDrlAndCases() {
        RawHttp.Answer rules = english(editor, "/rulebook");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body()).contains("CONTENT.POLITICAL", "SELF_CHECK.MISSING", "Title (English)");
        RawHttp.Answer rule = english(editor, "/rulebook/rules/CONTENT.POLITICAL");
        assertThat(rule.status()).isEqualTo(200);
        assertThat(rule.body()).contains("What it cites", "不應有政治目的及政治性內容", "rule &quot;", "@ruleId(&quot;CONTENT.POLITICAL&quot;)",
                "Cases that raise it", "test-cases/");
        assertThat(rule.body()).doesNotContain("Cases that raise it (0)");
        assertThat(english(editor, "/rulebook/rules/NO.SUCH_RULE").status()).isEqualTo(404);
    }

    @Test
    void aSourceWithItsPassages() {
        RawHttp.Answer source = english(editor, "/rulebook/sources/ACT");
        assertThat(source.status()).isEqualTo(200);
        assertThat(source.body()).contains("id=\"p-art_9(4)\"", "Source ACT");
        assertThat(english(editor, "/rulebook/sources/NOPE").status()).isEqualTo(404);
    }

    @Test
    void theKeywordListsWithCounterpartsMarksAndExclusions() {
        RawHttp.Answer lists = english(editor, "/rulebook/lists");
        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.body()).contains("rules/lists/political-content.yaml", "統一發票", "counterparts only",
                "False positives");
    }

    @Test
    void nextYearsCalendarIsWarnedMissingFrom90DaysBeforeTheYearsEnd() {
        clock.setDay(LocalDate.of(2026, 10, 1));
        assertThat(english(editor, "/rulebook/calendars").body()).contains("rules/calendar/2026.csv")
                .doesNotContain("calendar-warning");
        clock.setDay(LocalDate.of(2026, 10, 2));
        assertThat(english(editor, "/rulebook/calendars").body()).contains("calendar-warning",
                "The 2027 office calendar is not loaded and 2026 ends in 90 days");
        clock.setDay(LocalDate.of(2026, 10, 3));
        assertThat(english(editor, "/rulebook/calendars").body()).contains("2026 ends in 89 days");
    }

    @Test
    void reviewersReadTheRulebookSchoolsDoNot() {
        RawHttp reviewer = new RawHttp(server.getURI()).as(accounts.reviewer("rulebook-reader@moe.gov.tw"));
        assertThat(reviewer.get("/rulebook/rules/CONTENT.POLITICAL").status()).isEqualTo(200);
        RawHttp school = new RawHttp(server.getURI()).as(accounts.filer("rb-school"));
        assertThat(school.get("/rulebook").status()).isEqualTo(403);
        assertThat(school.get("/rulebook/lists").status()).isEqualTo(403);
        RawHttp.Answer anonymous = new RawHttp(server.getURI()).send("GET", "/rulebook", null, null, "Accept", "text/html");
        assertThat(anonymous.status()).as("anonymous: to the login").isIn(302, 303);
        assertThat(anonymous.response().headers().firstValue("Location")).hasValue("/login");
    }
}
