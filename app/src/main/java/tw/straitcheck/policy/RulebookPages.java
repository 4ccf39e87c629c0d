package tw.straitcheck.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.account.Shown;
import tw.straitcheck.checking.DrlSafety.RuleProblem;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.FieldError;

/**
 * The policy editors' pages: {@code /rulebook/drafts} (the drafts, and a new one),
 * {@code /rulebook/drafts/{id}} (its files, one open in an editor with numbered lines and the
 * compile problems at their lines, the diff against the published version, the corpus results,
 * approval and publishing, the cases kept with it, added and removed), {@code /rulebook/false-positives}
 * (the flags reviewers marked FALSE_POSITIVE, each added to a draft in one click), {@code /rulebook/versions} (every version, and a rollback) and
 * {@code /rulebook/audit}. Each step is the one {@link Drafts} takes for the API.
 */
@Controller("/rulebook")
@Secured(Role.Names.POLICY_EDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class RulebookPages {

    private final Drafts drafts;
    private final Impact impact;
    private final Pages pages;

    RulebookPages(Drafts drafts, Impact impact, Pages pages) {
        this.drafts = drafts;
        this.impact = impact;
        this.pages = pages;
    }

    @Serdeable
    record ImpactForm(@Nullable String all, @Nullable String csrfToken) {
    }

    @Serdeable
    record ReasonForm(@Nullable String reason, @Nullable String csrfToken) {
    }

    @Serdeable
    record FileForm(@Nullable String path, @Nullable String content, @Nullable String reason, @Nullable String csrfToken) {
    }

    @Serdeable
    record CaseForm(@Nullable String name, @Nullable String content, @Nullable String reason, @Nullable String csrfToken) {
    }

    @Serdeable
    record DraftChoice(@Nullable Long draft, @Nullable String csrfToken) {
    }

    @Serdeable
    record PublishForm(@Nullable String effectiveFrom, @Nullable String reason, @Nullable String csrfToken) {
    }

    /** Times as the platform shows them: Asia/Taipei, yyyy/MM/dd HH:mm ({@code ${times.of(at)}}); days yyyy/MM/dd ({@code ${times.day(d)}}). */
    public record Times() {
        public String of(@Nullable java.time.Instant at) {
            return Shown.time(at);
        }

        public String day(@Nullable LocalDate day) {
            return Shown.day(day);
        }
    }

    private static final Times TIMES = new Times();
    private static final int IMPACT_PAGE = 50;
    private static final int FALSE_POSITIVES_PAGE = 50;

    /** One line of the open file, with the compile problems raised at it. */
    record Line(int number, String text, List<String> problems) {
    }

    @Get("/drafts")
    HttpResponse<?> drafts(HttpRequest<?> request) {
        return pages.ok(request, "rulebook/drafts", draftsModel());
    }

    private Map<String, Object> draftsModel() {
        List<RulebaseVersion> open = drafts.all().stream()
                .filter(v -> v.state() == VersionState.DRAFT || v.state() == VersionState.APPROVED).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("times", TIMES);
        model.put("drafts", open);
        return model;
    }

    @Post("/drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Body ReasonForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            RulebaseVersion made = drafts.create(actor(request).username(), form.reason());
            return Pages.redirect("/rulebook/drafts/" + made.id());
        } catch (ApiException refused) {
            Map<String, Object> model = draftsModel();
            model.put("errors", refused.body(null).errors());
            return pages.render(request, refused.status(), "rulebook/drafts", model);
        }
    }

    @Get("/drafts/{id}")
    HttpResponse<?> draft(HttpRequest<?> request, @PathVariable long id, @QueryValue @Nullable String file,
            @QueryValue @Nullable Integer impactPage) {
        try {
            Map<String, Object> model = draftModel(id, file, null, null, null, List.of());
            impact.lastIfAny(id, impactPage == null ? 1 : impactPage, IMPACT_PAGE).ifPresent(v -> model.put("impact", v));
            return pages.ok(request, "rulebook/draft", model);
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
    }

    @Post("/drafts/{id}/files")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveFile(HttpRequest<?> request, @PathVariable long id, @Body FileForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        String content = form.content() == null ? "" : form.content().replace("\r\n", "\n");
        try {
            drafts.putFile(actor(request).username(), id, form.path(), content.getBytes(StandardCharsets.UTF_8), form.reason());
            return Pages.redirect("/rulebook/drafts/" + id + "?file=" + URLEncoder.encode(form.path().strip(), StandardCharsets.UTF_8));
        } catch (ApiException refused) {
            return again(request, id, form.path(), content, refused);
        }
    }

    /** Adds a case file kept with the draft; refused, the draft page again with the error at its field. */
    @Post("/drafts/{id}/cases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addCase(HttpRequest<?> request, @PathVariable long id, @Body CaseForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        String name = form.name() == null ? "" : form.name();
        String content = form.content() == null ? "" : form.content().replace("\r\n", "\n");
        try {
            drafts.addCase(actor(request).username(), id, name, content, form.reason());
            return Pages.redirect("/rulebook/drafts/" + id + "#cases");
        } catch (ApiException refused) {
            try {
                Map<String, Object> model = draftModel(id, null, null, null, null, refused.body(null).errors());
                model.put("refusal", refused.body(null).message());
                model.put("caseName", name);
                model.put("caseContent", content);
                return pages.render(request, refused.status(), "rulebook/draft", model);
            } catch (ApiException gone) {
                return pages.error(request, gone);
            }
        }
    }

    @Post("/drafts/{id}/cases/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeCase(HttpRequest<?> request, @PathVariable long id, @Body CaseForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            drafts.removeCase(actor(request).username(), id, form.name(), form.reason());
            return Pages.redirect("/rulebook/drafts/" + id + "#cases");
        } catch (ApiException refused) {
            return again(request, id, null, null, refused);
        }
    }

    /**
     * The flags reviewers marked FALSE_POSITIVE, newest first, each with a one-click add to an open
     * draft; reviewers see it too (they may add as through the API), and come back here after adding.
     */
    @Get("/false-positives")
    @Secured({Role.Names.POLICY_EDITOR, Role.Names.REVIEWER})
    HttpResponse<?> falsePositives(HttpRequest<?> request, @QueryValue @Nullable Integer page, @QueryValue @Nullable Long added) {
        Map<String, Object> model = falsePositivesModel(request, page == null ? 1 : page);
        model.put("added", added);
        return pages.ok(request, "rulebook/false-positives", model);
    }

    @Post("/false-positives/{findingId}")
    @Secured({Role.Names.POLICY_EDITOR, Role.Names.REVIEWER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addFalsePositive(HttpRequest<?> request, @PathVariable long findingId, @Body DraftChoice form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Actor actor = actor(request);
        try {
            if (form.draft() == null) {
                throw ApiException.invalid(FieldError.of("draft", "page.false-positives.field.draft"));
            }
            drafts.addFalsePositive(actor.username(), form.draft(), findingId);
            return Pages.redirect(actor.has(Role.POLICY_EDITOR) ? "/rulebook/drafts/" + form.draft() + "#cases"
                    : "/rulebook/false-positives?added=" + form.draft());
        } catch (ApiException refused) {
            Map<String, Object> model = falsePositivesModel(request, 1);
            model.put("refusal", refused.body(null).message());
            model.put("errors", refused.body(null).errors());
            model.put("refusedFinding", findingId);
            return pages.render(request, refused.status(), "rulebook/false-positives", model);
        }
    }

    private Map<String, Object> falsePositivesModel(HttpRequest<?> request, int page) {
        Map<String, Object> model = new HashMap<>();
        model.put("times", TIMES);
        model.put("marks", drafts.falsePositives(page, FALSE_POSITIVES_PAGE));
        model.put("drafts", drafts.all().stream().filter(v -> v.state() == VersionState.DRAFT).toList());
        model.put("reviewer", pages.actor(request).map(a -> a.has(Role.REVIEWER)).orElse(false));
        return model;
    }

    @Post("/drafts/{id}/compile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> compile(HttpRequest<?> request, @PathVariable long id, @Body FileForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        Drafts.Compiled compiled = drafts.compile(id);
        String file = form.path();
        if ((file == null || file.isBlank()) && !compiled.problems().isEmpty()) {
            file = compiled.problems().get(0).file();
        }
        return pages.render(request, compiled.built() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, "rulebook/draft",
                draftModel(id, file, null, compiled, null, List.of()));
    }

    @Post("/drafts/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(HttpRequest<?> request, @PathVariable long id, @Body ReasonForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            return pages.ok(request, "rulebook/draft", draftModel(id, null, null, null, drafts.test(id), List.of()));
        } catch (ApiException refused) {
            return again(request, id, null, null, refused);
        }
    }

    /** Starts the impact analysis and shows the draft page, which follows its progress. */
    @Post("/drafts/{id}/impact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startImpact(HttpRequest<?> request, @PathVariable long id, @Body ImpactForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            impact.start(id, form.all() != null && !form.all().isBlank());
            return Pages.redirect("/rulebook/drafts/" + id + "#impact");
        } catch (ApiException refused) {
            return again(request, id, null, null, refused);
        }
    }

    /** Cancels the running impact analysis and shows the draft page, where it reads CANCELLED. */
    @Post("/drafts/{id}/impact/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancelImpact(HttpRequest<?> request, @PathVariable long id, @Body ReasonForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            impact.cancel(id);
            return Pages.redirect("/rulebook/drafts/" + id + "#impact");
        } catch (ApiException refused) {
            return again(request, id, null, null, refused);
        }
    }

    @Post("/drafts/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(HttpRequest<?> request, @PathVariable long id, @Body ReasonForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            drafts.approve(actor(request).username(), id, form.reason());
            return Pages.redirect("/rulebook/drafts/" + id);
        } catch (ApiException refused) {
            return again(request, id, null, null, refused);
        }
    }

    @Post("/drafts/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(HttpRequest<?> request, @PathVariable long id, @Body PublishForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            LocalDate day = form.effectiveFrom() == null || form.effectiveFrom().isBlank() ? null
                    : LocalDate.parse(form.effectiveFrom().strip());
            drafts.publish(actor(request).username(), id, day, form.reason());
            return Pages.redirect("/rulebook/versions");
        } catch (DateTimeParseException bad) {
            return again(request, id, null, null, ApiException.invalid(FieldError.of("effectiveFrom", "field.as-of-date")));
        } catch (ApiException refused) {
            return again(request, id, null, null, refused);
        }
    }

    @Get("/versions")
    HttpResponse<?> versions(HttpRequest<?> request) {
        return pages.ok(request, "rulebook/versions", Map.of("versions", drafts.all(), "times", TIMES));
    }

    @Post("/versions/{id}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rollback(HttpRequest<?> request, @PathVariable long id, @Body ReasonForm form) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            return Pages.redirect("/rulebook/drafts/" + drafts.rollback(actor(request).username(), id, form.reason()).id());
        } catch (ApiException refused) {
            Map<String, Object> model = new HashMap<>();
            model.put("versions", drafts.all());
            model.put("times", TIMES);
            model.put("errors", refused.body(null).errors());
            return pages.render(request, refused.status(), "rulebook/versions", model);
        }
    }

    @Get("/audit")
    HttpResponse<?> audit(HttpRequest<?> request) {
        return pages.ok(request, "rulebook/audit", Map.of("entries", drafts.audit(500), "times", TIMES));
    }

    /** The draft page again, with the refusal's errors next to their fields and what was typed kept. */
    private HttpResponse<?> again(HttpRequest<?> request, long id, @Nullable String file, @Nullable String typed,
            ApiException refused) {
        try {
            Map<String, Object> model = draftModel(id, file, typed, null, null, refused.body(null).errors());
            model.put("refusal", refused.body(null).message());
            return pages.render(request, refused.status(), "rulebook/draft", model);
        } catch (ApiException gone) {
            return pages.error(request, gone);
        }
    }

    private Map<String, Object> draftModel(long id, @Nullable String file, @Nullable String typed,
            @Nullable Drafts.Compiled compiled, @Nullable Drafts.TestRun run, List<ErrorBody.Item> errors) {
        Drafts.Draft draft = drafts.draft(id);
        Map<String, Object> model = new HashMap<>();
        model.put("times", TIMES);
        model.put("draft", draft);
        model.put("editable", draft.version().state() == VersionState.DRAFT);
        model.put("approvable", draft.version().state() == VersionState.DRAFT);
        model.put("publishable", draft.version().state() == VersionState.APPROVED);
        model.put("diff", drafts.diff(id));
        model.put("errors", errors);
        model.put("compiled", compiled);
        model.put("run", run);
        model.put("cases", drafts.cases(id));
        // the corpus run names a case kept with the draft draft/<name>: its result shown next to it
        Map<String, Drafts.CaseResult> caseResults = new HashMap<>();
        if (run != null) {
            run.cases().stream().filter(c -> c.file().startsWith("draft/"))
                    .forEach(c -> caseResults.put(c.file().substring("draft/".length()), c));
        }
        model.put("caseResults", caseResults);
        String open = file == null || file.isBlank() ? null : file.strip();
        model.put("file", open);
        if (open != null) {
            String content = typed;
            if (content == null) {
                boolean exists = draft.files().stream().anyMatch(f -> f.path().equals(open));
                content = exists ? drafts.file(id, open).content() : "";
            }
            model.put("content", content);
            model.put("lines", lines(content, open, compiled == null ? List.of() : compiled.problems()));
        }
        impact.lastIfAny(id, 1, IMPACT_PAGE).ifPresent(v -> model.put("impact", v));
        model.put("otherProblems", compiled == null ? List.of() : compiled.problems().stream()
                .filter(p -> !p.file().equals(open) || p.line() == 0).toList());
        return model;
    }

    private static List<Line> lines(String content, String file, List<RuleProblem> problems) {
        String[] text = content.split("\n", -1);
        List<Line> lines = new ArrayList<>(text.length);
        for (int i = 0; i < text.length; i++) {
            int number = i + 1;
            lines.add(new Line(number, text[i], problems.stream()
                    .filter(p -> p.file().equals(file) && p.line() == number).map(RuleProblem::message).toList()));
        }
        return lines;
    }

    private Actor actor(HttpRequest<?> request) {
        return pages.actor(request).orElseThrow(() -> ApiException.forbidden(tw.straitcheck.system.Messages.of("page.csrf")));
    }
}
