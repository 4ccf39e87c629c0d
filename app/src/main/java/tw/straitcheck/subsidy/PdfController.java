package tw.straitcheck.subsidy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Pages;
import tw.straitcheck.account.Role;
import tw.straitcheck.system.ApiException;

/**
 * The printable PDFs, in the API ({@code GET /api/submissions/{receipt}/results-report.pdf},
 * {@code …/record.pdf}: schools and reviewers, refusals as JSON) and on the school's pages
 * ({@code /school/records/{receipt}/results-report.pdf}, {@code …/record.pdf}: refusals as a page).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PdfController {

    private final PrintablePdfs pdfs;
    private final Pages pages;

    PdfController(PrintablePdfs pdfs, Pages pages) {
        this.pdfs = pdfs;
        this.pages = pages;
    }

    @Get(uri = "/api/submissions/{receipt}/results-report.pdf", produces = {MediaType.APPLICATION_PDF,
            MediaType.APPLICATION_JSON})
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN, Role.Names.REVIEWER})
    HttpResponse<byte[]> resultsReport(HttpRequest<?> request, @PathVariable String receipt,
            Authentication authentication) {
        return pdfs.resultsReport(request, receipt, Actor.of(authentication));
    }

    @Get(uri = "/api/submissions/{receipt}/record.pdf", produces = {MediaType.APPLICATION_PDF,
            MediaType.APPLICATION_JSON})
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN, Role.Names.REVIEWER})
    HttpResponse<byte[]> record(HttpRequest<?> request, @PathVariable String receipt, Authentication authentication) {
        return pdfs.record(request, receipt, Actor.of(authentication));
    }

    @Get(uri = "/school/records/{receipt}/results-report.pdf", produces = {MediaType.APPLICATION_PDF,
            MediaType.TEXT_HTML})
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
    HttpResponse<?> schoolResultsReport(HttpRequest<?> request, @PathVariable String receipt,
            Authentication authentication) {
        try {
            return pdfs.resultsReport(request, receipt, Actor.of(authentication));
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
    }

    @Get(uri = "/school/records/{receipt}/record.pdf", produces = {MediaType.APPLICATION_PDF, MediaType.TEXT_HTML})
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
    HttpResponse<?> schoolRecord(HttpRequest<?> request, @PathVariable String receipt,
            Authentication authentication) {
        try {
            return pdfs.record(request, receipt, Actor.of(authentication));
        } catch (ApiException refused) {
            return pages.error(request, refused);
        }
    }
}
