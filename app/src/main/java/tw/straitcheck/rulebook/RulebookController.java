package tw.straitcheck.rulebook;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.Citation;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.Passage;
import tw.straitcheck.checking.RuleDefinition;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.checking.SourceLibrary;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Localized;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * The rulebase as a reader sees it: {@code GET /api/rules} lists every ruleId with its titles, kind,
 * citations and penalty; {@code GET /api/sources/{source}/{ref}} returns a cited passage
 * (ref URL-encoded: {@code /api/sources/ACT/art%209(4)}).
 */
@Tag(name = "rulebook")
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
class RulebookController {

    private final CheckEngine engine;
    private final Clock clock;

    RulebookController(CheckEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Serdeable
    record RuleView(String ruleId, FindingKind kind, Localized title, List<Citation> citations, Citation penalty,
            Localized note) {
    }

    @Serdeable
    record RulesView(String rulebaseVersion, List<RuleView> rules) {
    }

    @Serdeable
    record SourceView(String source, Localized title, String version, List<Passage> passages) {
    }

    @Serdeable
    record SourceSummary(String source, Localized title, String version, String seed) {
    }

    @Get("/rules")
    RulesView rules() {
        return new RulesView(rulebase().version(), rulebase().definitions().stream().map(this::view).toList());
    }

    @Get("/rules/{ruleId}")
    RuleView rule(@PathVariable String ruleId) {
        return rulebase().definitions().stream().filter(d -> d.ruleId().equals(ruleId)).findFirst()
                .map(this::view)
                .orElseThrow(() -> ApiException.notFound(Messages.of("error.rule.not-found", ruleId)));
    }

    @Get("/sources")
    List<SourceSummary> sources() {
        return rulebase().sources().documents().values().stream()
                .map(d -> new SourceSummary(d.source(), d.title(), d.version(), d.seed())).toList();
    }

    @Get("/sources/{source}")
    SourceView source(@PathVariable String source) {
        SourceLibrary.Document doc = rulebase().sources().documents().get(source);
        if (doc == null) {
            throw ApiException.notFound(Messages.of("error.source.not-found", source));
        }
        return new SourceView(doc.source(), doc.title(), doc.version(), rulebase().sources().passages(source));
    }

    @Get("/sources/{source}/{ref}")
    Passage passage(@PathVariable String source, @PathVariable String ref) {
        return rulebase().sources().passage(source, ref).orElseThrow(() -> ApiException.notFound(
                Messages.of("error.passage.not-found", source, ref)));
    }

    private RuleView view(RuleDefinition d) {
        return new RuleView(d.ruleId(), d.kind(), d.title(),
                d.citations().stream().map(this::citation).toList(),
                d.penalty() == null ? null : citation(d.penalty()), d.note());
    }

    private Citation citation(RuleDefinition.SourceRef ref) {
        String text = rulebase().sources().passage(ref.source(), ref.ref()).map(Passage::text).orElse(null);
        return new Citation(ref.source(), ref.ref(), text);
    }

    /** The rulebase in force today (a published version may have gone live since the start). */
    private Rulebase rulebase() {
        return engine.rulebaseOn(TaipeiClock.today(clock));
    }
}
