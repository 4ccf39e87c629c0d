package tw.straitcheck.filing;

import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.JsonBodies;
import tw.straitcheck.system.TaipeiClock;

/**
 * {@code POST /api/checks}: checks a submission and returns the verdict and findings. Stores
 * nothing. {@code ?asOf=YYYY-MM-DD} judges it as of another day (a pre-check for the day the
 * school plans to register); by default today in Asia/Taipei.
 */
@Controller("/api/checks")
class CheckController {

    private final CheckEngine engine;
    private final Clock clock;

    CheckController(CheckEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> check(@Body byte[] body, @QueryValue @Nullable String asOf) {
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? TaipeiClock.today(clock) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            return HttpResponse.unprocessableEntity().body(ErrorBody.invalid(List.of(FieldError.of("asOf", "field.as-of-date"))));
        }
        JsonNode json = JsonBodies.parse(body);
        SubmissionReader.Result read = SubmissionReader.read(json);
        if (!read.valid()) {
            return HttpResponse.unprocessableEntity().body(ErrorBody.invalid(read.errors()));
        }
        return HttpResponse.ok(engine.check(SubmissionFacts.of(read.submission(), day)));
    }
}
