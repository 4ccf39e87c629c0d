package tw.straitcheck.review;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.straitcheck.account.Access;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.records.RecordSearch;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.TaipeiClock;

/**
 * The reviewers' pages: the queue ({@code /review}, tabs in review, returned and decided, sorted and
 * filtered as {@code GET /api/review/queue}, with who holds each record) and a record
 * ({@code /review/records/{receipt}}: every version side by side with what changed, the findings,
 * the flags to mark, the history, the decision). Every action goes through the same services as
 * the API ({@link ReviewAssignments}, {@link FlagReviews}, {@link Decisions}); a refusal comes back
 * as the page again with the error by its field (422) or, for a record someone moved meanwhile
 * (409), as a page that says what happened and shows the record as it is now.
 */
@Controller("/review")
@Secured(Role.Names.REVIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ReviewPages {

    /** The queue's tabs and the statuses each shows. */
    enum Tab {
        IN_REVIEW("in-review", "IN_REVIEW", "page.review.tab.in-review"),
        RETURNED("returned", "RETURNED", "page.review.tab.returned"),
        DECIDED("decided", "ACCEPTED,APPROVED,REJECTED", "page.review.tab.decided");

        final String slug;
        final String statuses;
        final String label;

        Tab(String slug, String statuses, String label) {
            this.slug = slug;
            this.statuses = statuses;
            this.label = label;
        }

        static Tab of(@Nullable String slug) {
            for (Tab t : values()) {
                if (t.slug.equals(slug)) {
                    return t;
                }
            }
            return IN_REVIEW;
        }
    }

    /** A tab as the page links it. */
    public record TabLink(String slug, String label, boolean current) {
    }

    /** A row of the queue: the record, who holds it, and the days it has waited since it last moved. */
    public record QueueRow(RecordSearch.Item item, ReviewAssignments.@Nullable Holder holder, long daysWaiting) {
    }

    /** The queue's filters as the form sent them, shown again as entered. */
    public record QueueQuery(String tab, String school, String ruleId, String from, String to) {
    }

    @Serdeable
    record TakeForm(@Nullable String takeOver, @Nullable String holder, @Nullable String csrfToken) {
    }

    @Serdeable
    record MarkForm(@Nullable String state, @Nullable String note, @Nullable String csrfToken) {
    }

    /** The decision as entered, shown again with the errors. */
    @Serdeable
    public record DecideForm(@Nullable String action, @Nullable String comment, @Nullable String approvedAmount,
            @Nullable String lockVersion, @Nullable String csrfToken) {
    }

    private final Pages pages;
    private final RecordSearch search;
    private final RecordViews views;
    private final ReviewAssignments assignments;
    private final FlagReviews flags;
    private final Decisions decisions;
    private final Clock clock;

    ReviewPages(Pages pages, RecordSearch search, RecordViews views, ReviewAssignments assignments,
            FlagReviews flags, Decisions decisions, Clock clock) {
        this.pages = pages;
        this.search = search;
        this.views = views;
        this.assignments = assignments;
        this.flags = flags;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> queue(HttpRequest<?> request, @QueryValue @Nullable String tab, @QueryValue @Nullable String school,
            @QueryValue @Nullable String ruleId, @QueryValue @Nullable String from, @QueryValue @Nullable String to,
            @QueryValue @Nullable String page) {
        Tab shown = Tab.of(tab);
        Map<String, Object> model = new HashMap<>();
        List<TabLink> tabs = new ArrayList<>();
        for (Tab t : Tab.values()) {
            tabs.add(new TabLink(t.slug, t.label, t == shown));
        }
        model.put("tabs", tabs);
        model.put("query", new QueueQuery(shown.slug, text(school), text(ruleId), text(from), text(to)));
        RecordSearch.Criteria criteria;
        try {
            criteria = QueueFilter.read(shown.statuses, school, ruleId, from, to, page, null);
        } catch (ApiException refused) {
            model.put("errors", refused.body(null).errors());
            model.put("rows", List.of());
            model.put("total", 0L);
            return pages.render(request, refused.status(), "review/queue", model);
        }
        RecordSearch.Page found = search.page(criteria);
        Map<String, ReviewAssignments.Holder> holders = assignments.holders(
                found.items().stream().map(i -> i.record().receipt()).toList());
        LocalDate today = TaipeiClock.today(clock);
        model.put("rows", found.items().stream().map(i -> new QueueRow(i,
                holders.get(i.record().receipt()),
                ChronoUnit.DAYS.between(i.record().updatedAt().toLocalDate(), today))).toList());
        model.put("total", found.total());
        model.put("page", found.page());
        model.put("pages", (found.total() + found.size() - 1) / found.size());
        model.put("errors", List.of());
        return pages.ok(request, "review/queue", model);
    }

    @Get("/records/{receipt}")
    HttpResponse<?> record(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        try {
            Map<String, Object> model = recordModel(receipt, authentication);
            model.put("decided", request.getParameters().contains("decided"));
            return pages.ok(request, "review/record", model);
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
    }

    @Post("/records/{receipt}/take")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> take(HttpRequest<?> request, @PathVariable String receipt, @Body TakeForm form,
            Authentication authentication) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        return acting(request, receipt, authentication, () -> assignments.take(receipt, authentication.getName(),
                "true".equals(form.takeOver()), text(form.holder()).isEmpty() ? null : form.holder()));
    }

    @Post("/records/{receipt}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> release(HttpRequest<?> request, @PathVariable String receipt, @Body TakeForm form,
            Authentication authentication) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        return acting(request, receipt, authentication, () -> assignments.release(receipt, authentication.getName()));
    }

    @Post("/records/{receipt}/findings/{findingId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mark(HttpRequest<?> request, @PathVariable String receipt, @PathVariable String findingId,
            @Body MarkForm form, Authentication authentication) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        List<FieldError> errors = new ArrayList<>();
        FlagMark.ReviewState state = choice(form.state(), FlagMark.ReviewState.class, "flag-" + findingId + ".state",
                errors);
        String note = note(form.note(), "flag-" + findingId + ".note", errors);
        if (!errors.isEmpty()) {
            return again(request, receipt, authentication, ApiException.invalid(errors), Map.of(
                    "markEntered", Map.of(findingId, text(form.note()))));
        }
        return acting(request, receipt, authentication, () -> flags.mark(receipt, findingId,
                new FlagMark(state, note), authentication.getName()));
    }

    @Post("/records/{receipt}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(HttpRequest<?> request, @PathVariable String receipt, @Body DecideForm form,
            Authentication authentication) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        List<FieldError> errors = new ArrayList<>();
        DecisionForm.Action action = choice(form.action(), DecisionForm.Action.class, "action", errors);
        String comment = note(form.comment(), "comment", errors);
        if (comment == null && errors.stream().noneMatch(e -> e.field().equals("comment"))) {
            // the page asks a reason for every decision, so the school and the next reviewer read why
            errors.add(FieldError.of("comment", "field.reason-required"));
        }
        Long amount = null;
        if (!text(form.approvedAmount()).isEmpty()) {
            try {
                amount = Long.parseLong(form.approvedAmount().strip());
                if (amount < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("approvedAmount", "field.approved-amount"));
            }
        }
        Long lockVersion = null;
        try {
            lockVersion = text(form.lockVersion()).isEmpty() ? null : Long.parseLong(form.lockVersion().strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of("lockVersion", "field.whole-number-in", "≥ 0"));
        }
        Map<String, Object> entered = Map.of("decisionEntered", form);
        if (!errors.isEmpty()) {
            return again(request, receipt, authentication, ApiException.invalid(errors), entered);
        }
        DecisionForm decision = new DecisionForm(action, comment, amount);
        Long expected = lockVersion;
        try {
            decisions.decide(receipt, decision, authentication.getName(), expected);
        } catch (ApiException refused) {
            return again(request, receipt, authentication, refused, entered);
        }
        return Pages.redirect("/review/records/" + receipt + "?decided=1");
    }

    /** Runs an action, then shows the record again: at once on success, with the refusal otherwise. */
    private HttpResponse<?> acting(HttpRequest<?> request, String receipt, Authentication authentication,
            Runnable action) {
        try {
            readable(receipt, authentication);
            action.run();
        } catch (ApiException refused) {
            return again(request, receipt, authentication, refused, Map.of());
        }
        return Pages.redirect("/review/records/" + receipt);
    }

    /** The record page again with a refusal: 422 with the errors by their fields, 409 as the conflict page. */
    private HttpResponse<?> again(HttpRequest<?> request, String receipt, Authentication authentication,
            ApiException refused, Map<String, Object> entered) {
        if (refused.status() == HttpStatus.CONFLICT) {
            Map<String, Object> model = new HashMap<>();
            model.put("refusal", refused.body(null));
            RecordViews.View now = views.view(receipt);
            model.put("current", now.record());
            model.put("lastMove", now.history().isEmpty() ? null : now.history().get(now.history().size() - 1));
            model.put("holder", assignments.holderOfReceipt(receipt).orElse(null));
            return pages.render(request, HttpStatus.CONFLICT, "review/conflict", model);
        }
        if (refused.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
            return pages.error(request, refused);
        }
        Map<String, Object> model = recordModel(receipt, authentication);
        model.putAll(entered);
        model.put("errors", refused.body(null).errors());
        return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "review/record", model);
    }

    private RecordViews.View readable(String receipt, Authentication authentication) {
        RecordViews.View view = views.view(receipt);
        if (!Access.mayRead(Actor.of(authentication), view.record().schoolCode(),
                view.record().status() != RecordStatus.WITHDRAWN)) {
            throw ApiException.noRecord();
        }
        return view;
    }

    private Map<String, Object> recordModel(String receipt, Authentication authentication) {
        RecordViews.View view = readable(receipt, authentication);
        RecordViews.Version judged = judged(view.versions());
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("record", view.record());
        model.put("judged", judged);
        model.put("findings", judged.findings().stream().map(RecordViews.Finding::finding).toList());
        model.put("flags", judged.findings().stream().filter(f -> f.finding().kind().name().equals("FLAG")).toList());
        model.put("comparison", VersionComparison.of(view.versions()));
        model.put("holder", assignments.holderOfReceipt(receipt).orElse(null));
        model.put("me", authentication.getName());
        model.put("actions", actions(view.record()));
        model.put("decided", false);
        model.put("resultsReport", view.versions().stream().anyMatch(v -> v.kind() == VersionKind.RESULTS_REPORT));
        model.put("errors", List.of());
        model.put("markEntered", Map.of());
        model.put("decisionEntered", new DecideForm(null, null, null, null, null));
        return model;
    }

    /** The version the record's verdict is of: the latest one that is not a report after the activity. */
    private static RecordViews.Version judged(List<RecordViews.Version> versions) {
        Set<VersionKind> reports = Set.of(VersionKind.POST_ACTIVITY_REPORT, VersionKind.RESULTS_REPORT);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!reports.contains(versions.get(i).kind())) {
                return versions.get(i);
            }
        }
        return versions.get(versions.size() - 1);
    }

    /** A decision the form offers: the action's name and its label's message key. */
    public record Choice(String value, String label) {
    }

    /** The decisions the record's type allows: a subsidy application is approved, any other record cleared. */
    private static List<Choice> actions(RecordViews.Summary record) {
        boolean subsidy = "SUBSIDY_APPLICATION".equals(record.type());
        return List.of(subsidy ? new Choice(DecisionForm.Action.APPROVE.name(), "page.review.action.APPROVE")
                        : new Choice(DecisionForm.Action.CLEAR.name(), "page.review.action.CLEAR"),
                new Choice(DecisionForm.Action.RETURN.name(), "page.review.action.RETURN"),
                new Choice(DecisionForm.Action.REJECT.name(), "page.review.action.REJECT"));
    }

    private static <E extends Enum<E>> @Nullable E choice(@Nullable String value, Class<E> type, String field,
            List<FieldError> errors) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        errors.add(FieldError.of(field, "page.review.choose"));
        return null;
    }

    private static @Nullable String note(@Nullable String value, String field, List<FieldError> errors) {
        String t = text(value);
        if (t.codePointCount(0, t.length()) > Forms.TEXT_MAX) {
            errors.add(FieldError.of(field, "field.max-length", Forms.TEXT_MAX));
            return null;
        }
        return t.isEmpty() ? null : t;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
