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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
@ExecuteOn(TaskExecutors.BLOCKING) // a check is CPU work: never on the event loop, which answers /api/ping
class CheckController {

    private final CheckEngine engine;
    private final Clock clock;

    CheckController(CheckEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The days a check may be judged as of: the act's era, not year +999999999 ("365241759861 days late"). */
    static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_AS_OF = LocalDate.of(2100, 12, 31);

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> check(@Body byte[] body, @QueryValue @Nullable String asOf) {
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? TaipeiClock.today(clock) : LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            return HttpResponse.unprocessableEntity().body(ErrorBody.invalid(List.of(new FieldError("asOf",
                    "日期格式須為 YYYY-MM-DD", "must be a date YYYY-MM-DD"))));
        }
        if (day.isBefore(EARLIEST_AS_OF) || day.isAfter(LATEST_AS_OF)) {
            return HttpResponse.unprocessableEntity().body(ErrorBody.invalid(List.of(new FieldError("asOf",
                    "須介於 " + EARLIEST_AS_OF + " 與 " + LATEST_AS_OF + " 之間",
                    "must be between " + EARLIEST_AS_OF + " and " + LATEST_AS_OF))));
        }
        JsonNode json = JsonBodies.parse(body);
        SubmissionReader.Result read = SubmissionReader.read(json);
        if (!read.valid()) {
            return HttpResponse.unprocessableEntity().body(ErrorBody.invalid(read.errors()));
        }
        return HttpResponse.ok(engine.check(SubmissionFacts.of(read.submission(), day)));
    }
}
