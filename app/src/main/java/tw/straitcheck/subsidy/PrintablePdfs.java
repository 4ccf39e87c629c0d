package tw.straitcheck.subsidy;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.account.Access;
import tw.straitcheck.account.Actor;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.records.SubmissionVersion.VersionKind;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.HtmlPdf;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * The two printable PDFs: a subsidy's results report in the layout of the results report system
 * (RESULTS_SYSTEM 1 to 4-3), to be stamped, and any record with its verdict and every finding with
 * its quoted citations. Whoever may read the record may print it (another school's is 404).
 */
@Singleton
class PrintablePdfs {

    private final ResultsReports reports;
    private final RecordViews views;
    private final HtmlPdf pdf;
    private final Clock clock;

    PrintablePdfs(ResultsReports reports, RecordViews views, HtmlPdf pdf, Clock clock) {
        this.reports = reports;
        this.views = views;
        this.pdf = pdf;
        this.clock = clock;
    }

    HttpResponse<byte[]> resultsReport(HttpRequest<?> request, String receipt, Actor actor) {
        var record = reports.readable(receipt, actor).orElseThrow(ApiException::noRecord);
        ResultsReports.View view = reports.view(record);
        if (view.report() == null) {
            throw ApiException.notFound(Messages.of("pdf.results.none-filed"));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("photos", reports.inlinePhotos(record, view.report().photos()));
        model.put("printedOn", TaipeiClock.today(clock));
        return answer(pdf.render(request, "pdf/results-report", model), receipt + "-results-report.pdf");
    }

    /**
     * The record with the version its verdict comes from and, when one came later, its latest
     * report (post-activity or results): each with all its findings.
     */
    HttpResponse<byte[]> record(HttpRequest<?> request, String receipt, Actor actor) {
        RecordViews.View view = views.view(receipt);
        if (!Access.mayRead(actor, view.record().schoolCode(), view.record().status() != RecordStatus.WITHDRAWN)) {
            throw ApiException.noRecord();
        }
        List<RecordViews.Version> shown = new ArrayList<>();
        RecordViews.Version judged = null;
        RecordViews.Version report = null;
        for (RecordViews.Version v : view.versions()) {
            if (v.kind().judgesTheRecord()) {
                judged = v;
            } else if (v.kind() == VersionKind.POST_ACTIVITY_REPORT || v.kind() == VersionKind.RESULTS_REPORT) {
                report = v;
            }
        }
        if (judged != null) {
            shown.add(judged);
        }
        if (report != null && (judged == null || report.number() > judged.number())) {
            shown.add(report);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("record", view.record());
        model.put("versions", shown);
        model.put("printedOn", TaipeiClock.today(clock));
        return answer(pdf.render(request, "pdf/record", model), receipt + "-record.pdf");
    }

    private static HttpResponse<byte[]> answer(byte[] content, String filename) {
        return HttpResponse.ok(content).contentType(MediaType.APPLICATION_PDF_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
