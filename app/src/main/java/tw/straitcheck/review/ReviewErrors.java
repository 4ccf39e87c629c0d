package tw.straitcheck.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import tw.straitcheck.checking.Localized;
import tw.straitcheck.system.ErrorBody;

/**
 * Answers a refused review request: 422 with every field error (the {@link ErrorBody} shape), 404
 * for a finding that is not the record's, 409 for a CLEAR with unmarked flags — the
 * {@code FilingErrors} conflict shape ({@code message}, {@code current}) plus {@code unmarkedFindings}.
 */
@Produces
@Singleton
class ReviewErrors implements ExceptionHandler<ReviewException, HttpResponse<?>> {

    static final Localized INVALID = new Localized(
            "請求內容有誤，請依各欄位說明修正後重新送出；本次未變更任何資料。",
            "The request has errors; correct the fields listed and send it again. Nothing was changed.");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public HttpResponse<?> handle(HttpRequest request, ReviewException exception) {
        if (exception instanceof ReviewException.Invalid invalid) {
            return HttpResponse.unprocessableEntity().body(new ErrorBody(INVALID, ErrorBody.errors(invalid.errors())));
        }
        if (exception instanceof ReviewException.FindingNotFound) {
            return HttpResponse.notFound(new ErrorBody(new Localized("此案件沒有這筆檢核結果", "the record has no finding with that id"),
                    List.of()));
        }
        ReviewException.UnmarkedFlags unmarked = (ReviewException.UnmarkedFlags) exception;
        ObjectNode body = JSON.createObjectNode();
        ObjectNode message = body.putObject("message");
        message.put("zh", "尚有提醒未標記（確認或誤判），請逐一標記後再放行");
        message.put("en", "some flags are not yet marked CONFIRMED or FALSE_POSITIVE; mark each before clearing");
        body.set("current", unmarked.current());
        unmarked.findingIds().forEach(body.putArray("unmarkedFindings")::add);
        return HttpResponse.status(HttpStatus.CONFLICT).body(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
