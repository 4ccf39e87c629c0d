package tw.straitcheck.rulebook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.Passage;
import tw.straitcheck.checking.RuleDefinition;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.checking.SourceLibrary;
import tw.straitcheck.checking.text.KeywordList;
import tw.straitcheck.review.KeywordStats;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * The rulebook as policy staff read it (and reviewers, who decide by it): every rule with its
 * ruleId, kind and titles; a rule with the quoted text of each citation, its DRL and the cases of
 * the corpus that raise it or list it absent; a source's passages; the keyword lists with how
 * reviewers marked each entry's flags; the office calendars loaded, warning when next year's is
 * missing near the year's end. Reading only: editing is the drafts' pages.
 */
@Controller("/rulebook")
@Secured({Role.Names.POLICY_EDITOR, Role.Names.REVIEWER})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class RulebookPages {

    /** A citation with the passage it quotes (null text: the passage is missing, which the loader refuses). */
    public record Cited(String source, String ref, @Nullable String heading, @Nullable String text) {
    }

    /** A keyword list's entry with the reviewers' marks of the flags it raised. */
    public record EntryRow(String keyword, @Nullable String category, boolean counterpartsOnly,
            List<String> exclusions, long confirmed, long falsePositives) {
    }

    /** A keyword list as the lists page shows it. */
    public record ListView(String name, @Nullable String reference, List<EntryRow> entries) {
    }

    private final Pages pages;
    private final CheckEngine engine;
    private final RuleSources drl;
    private final CaseLibrary cases;
    private final KeywordStats stats;
    private final Clock clock;

    RulebookPages(Pages pages, CheckEngine engine, RuleSources drl, CaseLibrary cases, KeywordStats stats, Clock clock) {
        this.pages = pages;
        this.engine = engine;
        this.drl = drl;
        this.cases = cases;
        this.stats = stats;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> rules(HttpRequest<?> request) {
        return pages.ok(request, "rulebook/rules", Map.of("rules", List.copyOf(rulebase().definitions()),
                "version", rulebase().version()));
    }

    @Get("/rules/{ruleId}")
    HttpResponse<?> rule(HttpRequest<?> request, @PathVariable String ruleId) {
        RuleDefinition rule = rulebase().definitions().stream().filter(d -> d.ruleId().equals(ruleId)).findFirst()
                .orElse(null);
        if (rule == null) {
            return pages.error(request, ApiException.notFound(Messages.of("error.rule.not-found", ruleId)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rule", rule);
        model.put("citations", rule.citations().stream().map(this::cited).toList());
        model.put("penalty", rule.penalty() == null ? null : cited(rule.penalty()));
        model.put("drl", drl.of(rule).orElse(null));
        model.put("cases", cases.of(ruleId));
        return pages.ok(request, "rulebook/rule", model);
    }

    @Get("/sources/{source}")
    HttpResponse<?> source(HttpRequest<?> request, @PathVariable String source) {
        SourceLibrary.Document doc = rulebase().sources().documents().get(source);
        if (doc == null) {
            return pages.error(request, ApiException.notFound(Messages.of("error.source.not-found", source)));
        }
        return pages.ok(request, "rulebook/source", Map.of("doc", doc, "passages", rulebase().sources().passages(source)));
    }

    @Get("/lists")
    HttpResponse<?> lists(HttpRequest<?> request) {
        Map<String, long[]> marks = new HashMap<>();
        for (KeywordStats.Count c : stats.counts().items()) {
            if (c.keyword() != null) {
                long[] m = marks.computeIfAbsent(c.keyword(), k -> new long[2]);
                m[0] += c.confirmed();
                m[1] += c.falsePositives();
            }
        }
        List<ListView> lists = new ArrayList<>();
        for (String name : rulebase().keywords().names()) {
            KeywordList list = rulebase().keywords().list(name);
            lists.add(new ListView(name, list.reference(), list.entries().stream().map(e -> {
                long[] m = marks.getOrDefault(e.keyword(), new long[2]);
                return new EntryRow(e.keyword(), e.category(), e.counterpartsOnly(), e.exclusions(), m[0], m[1]);
            }).toList()));
        }
        return pages.ok(request, "rulebook/lists", Map.of("lists", lists));
    }

    @Get("/calendars")
    HttpResponse<?> calendars(HttpRequest<?> request) {
        return pages.ok(request, "rulebook/calendars", Map.of("coverage", CalendarCoverage.of(
                rulebase().dates().calendar().loadedYears(), TaipeiClock.today(clock))));
    }

    private Cited cited(RuleDefinition.SourceRef ref) {
        Passage p = rulebase().sources().passage(ref.source(), ref.ref()).orElse(null);
        return new Cited(ref.source(), ref.ref(), p == null ? null : p.heading(), p == null ? null : p.text());
    }

    /** The rulebase in force today (a published version may have gone live since the start). */
    private Rulebase rulebase() {
        return engine.rulebaseOn(TaipeiClock.today(clock));
    }
}
