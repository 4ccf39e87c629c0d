package tw.straitcheck.submission;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import tw.straitcheck.checking.Localized;
import tw.straitcheck.system.ErrorBody;

/** Answers a refused filing or move: 422 with every field error, 404, or 409 with the record's current state. */
@Produces
@Singleton
class FilingErrors implements ExceptionHandler<FilingException, HttpResponse<?>> {

    private final Repositories.Records records;

    FilingErrors(Repositories.Records records) {
        this.records = records;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, FilingException exception) {
        if (exception instanceof FilingException.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(ErrorBody.invalid(invalid.errors()));
        }
        if (exception instanceof FilingException.NotFound) {
            return HttpResponse.notFound(new ErrorBody(new Localized("查無此收件號", "no record with that receipt"), java.util.List.of()));
        }
        FilingException.Conflict conflict = (FilingException.Conflict) exception;
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        var message = body.putObject("message");
        message.put("zh", conflict.zh());
        message.put("en", conflict.getMessage());
        records.findByReceipt(conflict.receipt()).ifPresent(r -> body.set("current", RecordViews.summary(r)));
        return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT).body(body.toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
