package tw.straitcheck.subsidy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.filing.Filer;
import tw.straitcheck.filing.ReportPhotoEdits;
import tw.straitcheck.filing.SubmissionService;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.Messages;

/**
 * The results report as pages (RESULTS_SYSTEM: 於規定期限內皆可修改): the school's form
 * {@code /school/records/{receipt}/results-report} for an approved subsidy, each item's approved
 * and actual amounts with the execution rate, progress, outcomes and photos with captions; each
 * save a new version; after its due, read-only with the reason. The reviewer's view
 * {@code /review/records/{receipt}/results-report}: the rates per item and overall, the photos and
 * the findings. Every form carries the session's CSRF token, checked first.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ResultsReportPages {

    private final ResultsReports reports;
    private final SubmissionService filing;
    private final ReportPhotoEdits photos;
    private final Pages pages;

    ResultsReportPages(ResultsReports reports, SubmissionService filing, ReportPhotoEdits photos, Pages pages) {
        this.reports = reports;
        this.filing = filing;
        this.photos = photos;
        this.pages = pages;
    }

    @Get("/school/records/{receipt}/results-report")
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
    HttpResponse<?> form(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        try {
            ResultsReports.View view = schoolsSubsidy(receipt, Actor.of(authentication));
            ResultsReportForm form = view.report() == null ? ResultsReportForm.blank()
                    : ResultsReportForm.of(view.report().submitted());
            Map<String, Object> model = model(view, form, List.of());
            model.put("saved", request.getParameters().contains("saved"));
            return pages.ok(request, "subsidy/results-report", model);
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
    }

    @Post("/school/records/{receipt}/results-report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
    HttpResponse<?> save(HttpRequest<?> request, @PathVariable String receipt, @Body Map<String, String> posted,
            Authentication authentication) {
        if (!pages.csrfValid(request, posted.get("csrfToken"))) {
            return pages.csrfRefused(request);
        }
        ResultsReports.View view;
        try {
            view = schoolsSubsidy(receipt, Actor.of(authentication));
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
        ResultsReportForm form = ResultsReportForm.posted(posted);
        if (!view.editable()) {
            return closed(request, view, form);
        }
        try {
            filing.file(form.json(view.record(), new Submission.DateRange(view.application().activityPeriod().start(),
                    view.application().activityPeriod().end())), Filer.of(authentication), null);
        } catch (ApiException refused) {
            if (refused.status() == HttpStatus.CONFLICT) {
                return pages.error(request, refused);
            }
            return pages.render(request, refused.status(), "subsidy/results-report",
                    model(view, form, refused.body(null).errors()));
        }
        return Pages.redirect("/school/records/" + receipt + "/results-report?saved=1");
    }

    @Serdeable
    record RemoveForm(@Nullable String csrfToken) {
    }

    @Post(uri = "/school/records/{receipt}/results-report/photos", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
    HttpResponse<?> addPhoto(HttpRequest<?> request, @PathVariable String receipt,
            @Part("csrfToken") @Nullable String csrfToken, @Part("photo") @Nullable CompletedFileUpload photo,
            @Part("caption") @Nullable String caption, Authentication authentication) {
        if (!pages.csrfValid(request, csrfToken)) {
            return pages.csrfRefused(request);
        }
        try {
            photos.add(receipt, Filer.of(authentication), List.of(new ReportPhotoEdits.Incoming(
                    photo == null || photo.getFilename() == null || photo.getFilename().isEmpty() ? null
                            : photo.getFilename(), bytes(photo), caption)));
        } catch (ApiException refused) {
            if (refused.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                return pages.error(request, refused);
            }
            ResultsReports.View view = schoolsSubsidy(receipt, Actor.of(authentication));
            ResultsReportForm form = view.report() == null ? ResultsReportForm.blank()
                    : ResultsReportForm.of(view.report().submitted());
            Map<String, Object> model = model(view, form, List.of());
            model.put("photoErrors", refused.body(null).errors());
            model.put("caption", caption == null ? "" : caption);
            return pages.render(request, refused.status(), "subsidy/results-report", model);
        }
        return Pages.redirect("/school/records/" + receipt + "/results-report?saved=1#photos");
    }

    @Post(uri = "/school/records/{receipt}/results-report/photos/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
    HttpResponse<?> removePhoto(HttpRequest<?> request, @PathVariable String receipt, @PathVariable long id,
            @Body RemoveForm form, Authentication authentication) {
        if (!pages.csrfValid(request, form.csrfToken())) {
            return pages.csrfRefused(request);
        }
        try {
            photos.remove(receipt, Filer.of(authentication), id);
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
        return Pages.redirect("/school/records/" + receipt + "/results-report?saved=1#photos");
    }

    @Get("/review/records/{receipt}/results-report")
    @Secured(Role.Names.REVIEWER)
    HttpResponse<?> review(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        try {
            SubmissionRecord record = reports.readable(receipt, Actor.of(authentication))
                    .orElseThrow(ApiException::noRecord);
            Map<String, Object> model = new HashMap<>();
            model.put("view", reports.view(record));
            return pages.ok(request, "subsidy/results-report-review", model);
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
    }

    /** The school's own approved subsidy (another school's is no record; one not approved, 409). */
    private ResultsReports.View schoolsSubsidy(String receipt, Actor actor) {
        SubmissionRecord record = reports.readable(receipt, actor).filter(r -> actor.ofSchool())
                .orElseThrow(ApiException::noRecord);
        if (record.status() != RecordStatus.APPROVED) {
            throw ApiException.conflict(receipt, Messages.of("page.results.not-approved"));
        }
        return reports.view(record);
    }

    /** After its due the report is shown as filed, with why it can no longer be changed. */
    private HttpResponse<?> closed(HttpRequest<?> request, ResultsReports.View view, ResultsReportForm form) {
        return pages.render(request, HttpStatus.CONFLICT, "subsidy/results-report", model(view, form, List.of()));
    }

    private static Map<String, Object> model(ResultsReports.View view, ResultsReportForm form,
            List<ErrorBody.Item> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("form", form);
        model.put("overallRate", form.overallRate());
        model.put("errors", errors);
        model.put("photoErrors", List.of());
        model.put("caption", "");
        model.put("maxPhotos", tw.straitcheck.records.ReportPhotos.MAX_PHOTOS);
        return model;
    }

    private static byte @Nullable [] bytes(@Nullable CompletedFileUpload upload) {
        try {
            return upload == null ? null : upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
