package tw.straitcheck.subsidy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.filing.Filer;
import tw.straitcheck.filing.SubmissionService;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.TaipeiClock;

/**
 * {@code /school/subsidies/new}: the subsidy application (補助申請, submission.md section 6) as a form.
 * "Check" shows the verdict and findings as a pre-check, storing nothing (with the school's own
 * history, as {@code POST /api/checks} does); "Apply" files it (always reviewed) and shows the
 * receipt. Field errors are shown next to their fields with what was typed kept (422).
 */
@Controller("/school/subsidies")
@Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SubsidyPages {

    private final SubmissionService service;
    private final RecordStore records;
    private final Pages pages;
    private final Clock clock;

    SubsidyPages(SubmissionService service, RecordStore records, Pages pages, Clock clock) {
        this.service = service;
        this.records = records;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/new")
    HttpResponse<?> form(HttpRequest<?> request, Authentication authentication) {
        Actor actor = Actor.of(authentication);
        String filed = request.getParameters().get("filed");
        if (filed != null) {
            return records.find(filed).filter(r -> r.isSubsidyApplication() && actor.ofSchool()
                    && actor.school().equals(r.schoolCode()))
                    .<HttpResponse<?>>map(r -> pages.ok(request, "subsidy/filed", Map.of("record",
                            tw.straitcheck.records.RecordViews.Summary.of(r))))
                    .orElseGet(() -> pages.error(request, ApiException.noRecord()));
        }
        return pages.ok(request, "subsidy/new", model(SubsidyForm.blank(actor.school() == null ? "" : actor.school()),
                List.of(), null));
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, @Body Map<String, String> form, Authentication authentication) {
        if (!pages.csrfValid(request, form.get("csrfToken"))) {
            return pages.csrfRefused(request);
        }
        ObjectNode json = SubsidyForm.json(form);
        Filer filer = Filer.of(authentication);
        if (!"apply".equals(form.get("action"))) {
            SubmissionReader.Result read = SubmissionReader.read(json);
            if (!read.valid()) {
                return invalid(request, form, ApiException.invalid(read.errors()));
            }
            CheckResult result = service.preCheck(read.submission(), TaipeiClock.today(clock), filer);
            return pages.ok(request, "subsidy/new", model(form, List.of(), result));
        }
        try {
            SubmissionService.Answer answer = service.file(json, filer, null);
            return Pages.redirect("/school/subsidies/new?filed=" + answer.receipt());
        } catch (ApiException refused) {
            return invalid(request, form, refused);
        }
    }

    private HttpResponse<?> invalid(HttpRequest<?> request, Map<String, String> form, ApiException refused) {
        if (refused.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
            return pages.error(request, refused);
        }
        return pages.render(request, refused.status(), "subsidy/new", model(form, refused.body(null).errors(), null));
    }

    private static Map<String, Object> model(Map<String, String> values, List<ErrorBody.Item> errors,
            CheckResult result) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors);
        model.put("result", result);
        model.put("locationRows", SubsidyForm.LOCATION_ROWS);
        model.put("sourceRows", SubsidyForm.OTHER_SOURCE_ROWS);
        model.put("documents", SubsidyForm.DOCUMENTS);
        return model;
    }
}
