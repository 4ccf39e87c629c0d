package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.checking.ReportedFinding;
import tw.straitcheck.records.RecordMoves;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.records.SchoolRecords;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Messages;

/**
 * A school's records on the pages: "my records" as a to-do list ({@code /school/records}), one
 * record ({@code /school/records/{receipt}}) with its status, versions, findings, the reviewer's
 * comments and history, its obligations as a calendar, and the forms that file on it (change
 * notice, post-activity report, withdrawal with a confirmation step, announcement, correction of
 * a returned record). Each form files through {@link SubmissionService} or {@link RecordMoves}
 * exactly as the API does; a field error shows the form again (422) with what was typed; a record
 * changed since the page was opened (its lockVersion) is answered 409 with how it stands now.
 * Only the actor's own school's records: another school's receipt is no record (404).
 */
@Controller("/school/records")
@Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SchoolRecordPages {

    /** Records per group on the to-do page. */
    static final int PAGE_SIZE = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the record page says after a form filed on it ({@code ?filed=}), as page.school.record.filed.*. */
    private static final Set<String> FILED_NOTICES = Set.of("change", "correct", "report", "withdrawn");

    private final Pages pages;
    private final SchoolRecords schoolRecords;
    private final SchoolRecordAccess access;
    private final SubmissionService service;
    private final FormFiling filing;
    private final RecordMoves moves;
    private final RecordStore store;
    private final Clock clock;

    SchoolRecordPages(Pages pages, SchoolRecords schoolRecords, SchoolRecordAccess access, SubmissionService service,
            FormFiling filing, RecordMoves moves, RecordStore store, Clock clock) {
        this.pages = pages;
        this.schoolRecords = schoolRecords;
        this.access = access;
        this.service = service;
        this.filing = filing;
        this.moves = moves;
        this.store = store;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> todo(HttpRequest<?> request, Authentication authentication, @QueryValue @Nullable String group,
            @QueryValue @Nullable Integer page) {
        Actor actor = Actor.of(authentication);
        List<SchoolRecords.GroupPage> groups = new ArrayList<>();
        for (SchoolRecords.Group g : SchoolRecords.Group.values()) {
            int shown = g.name().equals(group) && page != null && page > 0 ? page : 0;
            groups.add(schoolRecords.page(actor.school(), g, shown, PAGE_SIZE));
        }
        return pages.ok(request, "school/records", Map.of("groups", groups));
    }

    @Get("/{receipt}")
    HttpResponse<?> record(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication,
            @QueryValue @Nullable String filed) {
        try {
            Map<String, Object> model = recordModel(own(receipt, authentication));
            if (filed != null && FILED_NOTICES.contains(filed)) {
                model.put("filed", filed);
            }
            return pages.ok(request, "school/record", model);
        } catch (ApiException e) {
            return pages.error(request, e);
        }
    }

    @Get(uri = "/{receipt}/obligations.ics", produces = ObligationsCalendar.CONTENT_TYPE)
    HttpResponse<?> calendar(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        RecordViews.View view;
        try {
            view = own(receipt, authentication);
        } catch (ApiException e) {
            return pages.error(request, e);
        }
        Locale locale = request.getLocale().orElse(Locale.TRADITIONAL_CHINESE);
        String ics = ObligationsCalendar.of(receipt, view.record().activityName(), judged(view), locale, clock.instant());
        return HttpResponse.ok(ics).contentType(ObligationsCalendar.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + receipt + "-obligations.ics\"");
    }

    // --- change notice: the registration form, pre-filled; only what differs is sent

    @Get("/{receipt}/change")
    HttpResponse<?> changeForm(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        try {
            RecordViews.View view = own(receipt, authentication);
            FormValues form = registrationForm(view).set("changeOccurredOn", "")
                    .set("idempotencyKey", UUID.randomUUID().toString());
            return pages.ok(request, SchoolPages.CHECK_VIEW, registrationModel(view, form, List.of(), "change"));
        } catch (ApiException e) {
            return pages.error(request, e);
        }
    }

    @Post(uri = "/{receipt}/change", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> change(HttpRequest<?> request, @PathVariable String receipt, @Body MultipartBody body,
            Authentication authentication) {
        return change(request, receipt, PostedForm.read(body), authentication);
    }

    @Post(uri = "/{receipt}/change", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, @PathVariable String receipt, @Body String body,
            Authentication authentication) {
        return change(request, receipt, PostedForm.urlEncoded(body), authentication);
    }

    private HttpResponse<?> change(HttpRequest<?> request, String receipt, PostedForm posted,
            Authentication authentication) {
        return registration(request, receipt, posted, authentication, "change", (view, form) -> {
            ObjectNode changed = RegistrationForm.toJson(form, view.record().schoolCode(), view.record().schoolName());
            ObjectNode notice = JsonNodeFactory.instance.objectNode();
            notice.put("type", Submission.Change.TYPE);
            notice.put("registrationId", receipt);
            RegistrationForm.date(notice, "changeOccurredOn", form.get("changeOccurredOn"));
            notice.set("changes", ChangePatch.between(currentRegistration(receipt), changed));
            if (!form.blank("reason")) {
                notice.put("reason", form.get("reason"));
            }
            filing.file(notice.toString().getBytes(StandardCharsets.UTF_8), posted.files(), Filer.of(authentication),
                    FilingHttp.idempotencyKey(form.get("idempotencyKey")));
        });
    }

    /** What a registration form posted on a record files: a change notice, or the corrected registration. */
    @FunctionalInterface
    private interface RegistrationFiling {
        void file(RecordViews.View view, FormValues form);
    }

    /**
     * A registration form posted on a record ({@code mode} "change" or "correct"): a row added or
     * removed shows it again; otherwise it is filed, and a refusal shows it again with its errors.
     */
    private HttpResponse<?> registration(HttpRequest<?> request, String receipt, PostedForm posted,
            Authentication authentication, String mode, RegistrationFiling filed) {
        FormValues form = posted.values();
        Opened opened = open(request, receipt, form.get("csrfToken"), authentication);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        RecordViews.View view = opened.view();
        if (!form.blank("edit")) {
            return pages.ok(request, SchoolPages.CHECK_VIEW, registrationModel(view, RowEdit.apply(form), List.of(), mode));
        }
        try {
            checkLockVersion(view, form);
            filed.file(view, form);
            return Pages.redirect("/school/records/" + receipt + "?filed=" + mode);
        } catch (ApiException e) {
            return refused(request, e, receipt, SchoolPages.CHECK_VIEW, () -> registrationModel(view, form,
                    e.body(null).errors(), mode));
        }
    }

    // --- correction of a returned record: the whole registration again (PUT /api/submissions/{receipt})

    @Get("/{receipt}/correct")
    HttpResponse<?> correctionForm(HttpRequest<?> request, @PathVariable String receipt,
            Authentication authentication) {
        try {
            RecordViews.View view = own(receipt, authentication);
            return pages.ok(request, SchoolPages.CHECK_VIEW, registrationModel(view, registrationForm(view), List.of(),
                    "correct"));
        } catch (ApiException e) {
            return pages.error(request, e);
        }
    }

    @Post(uri = "/{receipt}/correct", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> correct(HttpRequest<?> request, @PathVariable String receipt, @Body MultipartBody body,
            Authentication authentication) {
        return correct(request, receipt, PostedForm.read(body), authentication);
    }

    @Post(uri = "/{receipt}/correct", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> correct(HttpRequest<?> request, @PathVariable String receipt, @Body String body,
            Authentication authentication) {
        return correct(request, receipt, PostedForm.urlEncoded(body), authentication);
    }

    private HttpResponse<?> correct(HttpRequest<?> request, String receipt, PostedForm posted,
            Authentication authentication) {
        return registration(request, receipt, posted, authentication, "correct", (view, form) ->
                service.resubmit(receipt, RegistrationForm.toJson(form, view.record().schoolCode(),
                        view.record().schoolName()), Filer.of(authentication)));
    }

    // --- post-activity report (事後登錄)

    @Get("/{receipt}/report")
    HttpResponse<?> reportForm(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        try {
            RecordViews.View view = own(receipt, authentication);
            FormValues form = new FormValues().set("idempotencyKey", UUID.randomUUID().toString())
                    .set("lockVersion", String.valueOf(view.record().lockVersion())).set("difficulties", "");
            return pages.ok(request, "school/report", formModel(view, form, List.of()));
        } catch (ApiException e) {
            return pages.error(request, e);
        }
    }

    @Post(uri = "/{receipt}/report", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> report(HttpRequest<?> request, @PathVariable String receipt, @Body String body,
            Authentication authentication) {
        FormValues form = FormValues.urlEncoded(body);
        Opened opened = open(request, receipt, form.get("csrfToken"), authentication);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        RecordViews.View view = opened.view();
        try {
            checkLockVersion(view, form);
            filing.file(ReportForm.toJson(receipt, form).toString().getBytes(StandardCharsets.UTF_8), List.of(),
                    Filer.of(authentication), FilingHttp.idempotencyKey(form.get("idempotencyKey")));
            return Pages.redirect("/school/records/" + receipt + "?filed=report");
        } catch (ApiException e) {
            return refused(request, e, receipt, "school/report", () -> formModel(view, form, e.body(null).errors()));
        }
    }

    // --- announcement of mainland activity information (協助公告陸方活動訊息登錄), a record of its own

    @Get("/{receipt}/announcement")
    HttpResponse<?> announcementForm(HttpRequest<?> request, @PathVariable String receipt,
            Authentication authentication) {
        try {
            RecordViews.View view = own(receipt, authentication);
            FormValues form = new FormValues().set("idempotencyKey", UUID.randomUUID().toString())
                    .set("activityName", view.record().activityName());
            JsonNode school = JSON.readTree(currentRegistration(receipt)).path("school");
            if (school.path("publicSchool").isBoolean()) {
                form.set("school.publicSchool", school.path("publicSchool").asText());
            }
            return pages.ok(request, "school/announcement", formModel(view, form, List.of()));
        } catch (ApiException e) {
            return pages.error(request, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Post(uri = "/{receipt}/announcement", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> announce(HttpRequest<?> request, @PathVariable String receipt, @Body String body,
            Authentication authentication) {
        FormValues form = FormValues.urlEncoded(body);
        Opened opened = open(request, receipt, form.get("csrfToken"), authentication);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        RecordViews.View view = opened.view();
        try {
            SubmissionService.Answer answer = filing.file(AnnouncementForm.toJson(form, view.record().schoolCode(),
                    view.record().schoolName()).toString().getBytes(StandardCharsets.UTF_8), List.of(),
                    Filer.of(authentication), FilingHttp.idempotencyKey(form.get("idempotencyKey")));
            return Pages.redirect("/school/records/" + answer.receipt() + "/filed");
        } catch (ApiException e) {
            return refused(request, e, receipt, "school/announcement", () -> formModel(view, form,
                    e.body(null).errors()));
        }
    }

    // --- withdrawal: a page that asks, then the move

    @Get("/{receipt}/withdraw")
    HttpResponse<?> withdrawForm(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        try {
            RecordViews.View view = own(receipt, authentication);
            FormValues form = new FormValues().set("lockVersion", String.valueOf(view.record().lockVersion()));
            return pages.ok(request, "school/withdraw", formModel(view, form, List.of()));
        } catch (ApiException e) {
            return pages.error(request, e);
        }
    }

    @Post(uri = "/{receipt}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable String receipt, @Body String body,
            Authentication authentication) {
        FormValues form = FormValues.urlEncoded(body);
        Opened opened = open(request, receipt, form.get("csrfToken"), authentication);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        RecordViews.View view = opened.view();
        try {
            if (form.get("reason").codePointCount(0, form.get("reason").length()) > SubmissionController.WITHDRAW_REASON_MAX) {
                throw ApiException.invalid(FieldError.of("reason", "field.max-length",
                        SubmissionController.WITHDRAW_REASON_MAX));
            }
            moves.move(receipt, RecordMoves.Move.WITHDRAW, Filer.of(authentication).name(),
                    form.blank("reason") ? null : form.get("reason"), lockVersion(form));
            return Pages.redirect("/school/records/" + receipt + "?filed=withdrawn");
        } catch (ApiException e) {
            return refused(request, e, receipt, "school/withdraw", () -> formModel(view, form, e.body(null).errors()));
        }
    }

    // --- shared

    private RecordViews.View own(String receipt, Authentication authentication) {
        return access.ownView(receipt, Actor.of(authentication));
    }

    private String currentRegistration(String receipt) {
        return store.find(receipt).map(store::currentRegistration).orElseThrow(ApiException::noRecord);
    }

    private FormValues registrationForm(RecordViews.View view) {
        try {
            return RegistrationForm.fromJson(JSON.readTree(currentRegistration(view.record().receipt())))
                    .set("lockVersion", String.valueOf(view.record().lockVersion()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form page of a record: the record, the form's values, its field errors. */
    private static Map<String, Object> formModel(RecordViews.View view, FormValues form, List<ErrorBody.Item> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("form", form);
        model.put("errors", errors);
        model.put("codes", RegistrationForm.CODES);
        return model;
    }

    /** The registration form as a change notice ({@code change}) or a correction ({@code correct}) of the record. */
    private static Map<String, Object> registrationModel(RecordViews.View view, FormValues form,
            List<ErrorBody.Item> errors, String purpose) {
        Map<String, Object> model = formModel(view, form, errors);
        model.put("schoolName", view.record().schoolName());
        model.put("schoolCode", view.record().schoolCode());
        model.put("action", "/school/records/" + view.record().receipt() + "/" + purpose);
        model.put(purpose.equals("change") ? "change" : "correction", view.record());
        model.put("submitLabel", "change".equals(purpose) ? "page.school.change.submit" : "page.school.correct.submit");
        model.put("formTitle", "change".equals(purpose) ? "page.school.change.title" : "page.school.correct.title");
        return model;
    }

    /** The school's own record a form was posted on, or the answer refusing the form. */
    private record Opened(@Nullable RecordViews.View view, @Nullable HttpResponse<?> refusal) {
    }

    /** The start of every form posted on a record: its CSRF token first, then the school's own record. */
    private Opened open(HttpRequest<?> request, String receipt, @Nullable String csrfToken,
            Authentication authentication) {
        if (!pages.csrfValid(request, csrfToken)) {
            return new Opened(null, pages.csrfRefused(request));
        }
        try {
            return new Opened(own(receipt, authentication), null);
        } catch (ApiException e) {
            return new Opened(null, pages.error(request, e));
        }
    }

    /**
     * A refused form: field errors show it again (422); a record changed since the page was
     * opened, or in a status the form cannot take, shows how it stands now (409); the rest as a page.
     */
    private HttpResponse<?> refused(HttpRequest<?> request, ApiException e, String receipt, String view,
            Supplier<Map<String, Object>> again) {
        if (e.status() == HttpStatus.UNPROCESSABLE_ENTITY) {
            return pages.render(request, e.status(), view, again.get());
        }
        if (e.status() == HttpStatus.CONFLICT) {
            Map<String, Object> model = new HashMap<>();
            model.put("error", e.body(null));
            model.put("current", store.find(receipt).map(RecordViews.Summary::of).orElse(null));
            return pages.render(request, e.status(), "school/conflict", model);
        }
        return pages.error(request, e);
    }

    /** 409 when the page's lockVersion is not the record's: someone moved or filed on it since. */
    private static void checkLockVersion(RecordViews.View view, FormValues form) {
        Long seen = lockVersion(form);
        if (seen != null && !seen.equals(view.record().lockVersion())) {
            throw ApiException.conflict(view.record().receipt(), Messages.of("conflict.changed"));
        }
    }

    private static @Nullable Long lockVersion(FormValues form) {
        return form.get("lockVersion").matches("\\d{1,18}") ? Long.parseLong(form.get("lockVersion")) : null;
    }

    private Map<String, Object> recordModel(RecordViews.View view) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("findings", judged(view));
        model.put("comments", view.history().stream().filter(h -> h.comment() != null && !h.comment().isBlank()).toList());
        RecordStatus status = view.record().status();
        boolean registration = Submission.ExchangeActivity.TYPE.equals(view.record().type());
        model.put("mayChange", registration && status.open() && status != RecordStatus.RETURNED);
        model.put("mayReport", registration && status.open() && view.record().postReportFiledOn() == null);
        model.put("mayCorrect", registration && status == RecordStatus.RETURNED);
        model.put("mayWithdraw", status.undecided());
        model.put("mayAnnounce", registration);
        return model;
    }

    /** The findings of the version the record's verdict comes from (not a post-activity report's). */
    static List<ReportedFinding> judged(RecordViews.View view) {
        for (int i = view.versions().size() - 1; i >= 0; i--) {
            RecordViews.Version v = view.versions().get(i);
            if (v.kind().judgesTheRecord()) {
                return v.findings().stream().map(RecordViews.Finding::finding).toList();
            }
        }
        return List.of();
    }
}
