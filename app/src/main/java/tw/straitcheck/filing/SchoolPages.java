package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tw.straitcheck.account.AccountService;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.account.School;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.notification.SentMail;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.TaipeiClock;

/**
 * The school's registration pages: the pre-check form ({@code /school/check}), which shows the
 * verdict and findings of {@link SubmissionService#preCheck} without storing anything; "register"
 * ({@code /school/register}), which files the same form values as {@code POST /api/submissions}
 * would (its hidden idempotency key makes a double click one filing); and the confirmation
 * ({@code /school/records/{receipt}/filed}): the receipt, the mail and to whom, what comes next.
 * The form and the JSON meet in {@link RegistrationForm} only.
 */
@Controller
@Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SchoolPages {

    static final String CHECK_VIEW = "school/check";

    private final Pages pages;
    private final SubmissionService service;
    private final FormFiling filing;
    private final PdfReader pdfs;
    private final AccountService accounts;
    private final SchoolRecordAccess access;
    private final SentMail mail;
    private final Clock clock;

    SchoolPages(Pages pages, SubmissionService service, FormFiling filing, PdfReader pdfs, AccountService accounts,
            SchoolRecordAccess access, SentMail mail, Clock clock) {
        this.pages = pages;
        this.service = service;
        this.filing = filing;
        this.pdfs = pdfs;
        this.accounts = accounts;
        this.access = access;
        this.mail = mail;
        this.clock = clock;
    }

    @Get("/school/check")
    HttpResponse<?> form(HttpRequest<?> request, Authentication authentication) {
        FormValues form = new FormValues().set("idempotencyKey", UUID.randomUUID().toString());
        return pages.ok(request, CHECK_VIEW, model(Actor.of(authentication), form, List.of(), null));
    }

    @Post(uri = "/school/check", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> check(HttpRequest<?> request, @Body MultipartBody body, Authentication authentication) {
        return check(request, PostedForm.read(body), authentication);
    }

    @Post(uri = "/school/check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> check(HttpRequest<?> request, @Body String body, Authentication authentication) {
        return check(request, PostedForm.urlEncoded(body), authentication);
    }

    @Post(uri = "/school/register", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> register(HttpRequest<?> request, @Body MultipartBody body, Authentication authentication) {
        return register(request, PostedForm.read(body), authentication);
    }

    @Post(uri = "/school/register", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Body String body, Authentication authentication) {
        return register(request, PostedForm.urlEncoded(body), authentication);
    }

    @Get("/school/records/{receipt}/filed")
    HttpResponse<?> filed(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        RecordViews.View view;
        try {
            view = access.ownView(receipt, Actor.of(authentication));
        } catch (ApiException e) {
            return pages.error(request, e);
        }
        RecordViews.Version latest = view.versions().get(view.versions().size() - 1);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("findings", latest.findings().stream().map(RecordViews.Finding::finding).toList());
        model.put("mail", mail.of(receipt));
        return pages.ok(request, "school/filed", model);
    }

    private HttpResponse<?> check(HttpRequest<?> request, PostedForm posted, Authentication authentication) {
        FormValues form = posted.values();
        if (!pages.csrfValid(request, form.get("csrfToken"))) {
            return pages.csrfRefused(request);
        }
        if (!form.blank("edit")) {
            return pages.ok(request, CHECK_VIEW, model(Actor.of(authentication), RowEdit.apply(form), List.of(), null));
        }
        Actor actor = Actor.of(authentication);
        try {
            Submission submission = SubmissionReader.read(json(form, actor)).orRefuse();
            for (FormFiling.File file : posted.files()) {
                PdfFiles.Read read = pdfs.read(file.part(), file.filename(), file.content());
                if (read instanceof PdfFiles.Refused refused) {
                    throw ApiException.invalid(refused.error());
                }
                Upload upload = ((PdfFiles.Accepted) read).upload();
                submission = submission.withFileText(upload.field(), upload.text());
            }
            CheckResult result = service.preCheck(submission, TaipeiClock.today(clock), Filer.of(authentication));
            return pages.ok(request, CHECK_VIEW, model(actor, form, List.of(), result));
        } catch (ApiException e) {
            return refused(request, actor, form, e);
        }
    }

    private HttpResponse<?> register(HttpRequest<?> request, PostedForm posted, Authentication authentication) {
        FormValues form = posted.values();
        if (!pages.csrfValid(request, form.get("csrfToken"))) {
            return pages.csrfRefused(request);
        }
        Actor actor = Actor.of(authentication);
        try {
            byte[] json = json(form, actor).toString().getBytes(StandardCharsets.UTF_8);
            SubmissionService.Answer answer = filing.file(json, posted.files(), Filer.of(authentication),
                    FilingHttp.idempotencyKey(form.get("idempotencyKey")));
            return Pages.redirect("/school/records/" + answer.receipt() + "/filed");
        } catch (ApiException e) {
            return refused(request, actor, form, e);
        }
    }

    /** Field errors: the form again (422) with each next to its field; any other refusal as a page. */
    private HttpResponse<?> refused(HttpRequest<?> request, Actor actor, FormValues form, ApiException e) {
        if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
            return pages.error(request, e);
        }
        return pages.render(request, e.status(), CHECK_VIEW, model(actor, form, e.body(null).errors(), null));
    }

    private ObjectNode json(FormValues form, Actor actor) {
        return RegistrationForm.toJson(form, actor.school(), schoolName(actor));
    }

    private String schoolName(Actor actor) {
        return accounts.school(actor.school()).map(School::name).orElse(actor.school());
    }

    private Map<String, Object> model(Actor actor, FormValues form, List<ErrorBody.Item> errors,
            CheckResult result) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("codes", RegistrationForm.CODES);
        model.put("errors", errors);
        model.put("schoolName", schoolName(actor));
        model.put("schoolCode", actor.school());
        model.put("action", "/school/check");
        if (result != null) {
            model.put("result", result);
            model.put("findings", result.findings());
        }
        return model;
    }
}
