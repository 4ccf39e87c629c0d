package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.ErrorBody;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;
import tw.straitcheck.system.TaipeiClock;

/**
 * {@code POST /api/checks}: checks a submission and returns the verdict and findings. Stores
 * nothing. {@code ?asOf=YYYY-MM-DD} judges it as of another day (a pre-check for the day the
 * school plans to register); by default today in Asia/Taipei. Open to anyone (it holds no
 * personal data); a change naming a kept registration uses it only for that school's accounts.
 */
@Tag(name = "checks")
@Controller("/api/checks")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING) // a check is CPU work: never on the event loop, which answers /api/ping
class CheckController {

    private final SubmissionService service;
    private final Clock clock;

    CheckController(SubmissionService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** The days a check may be judged as of: the act's era, not year +999999999 ("365241759861 days late"). */
    static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_AS_OF = LocalDate.of(2100, 12, 31);

    @Operation(summary = "Check a submission; store nothing",
            requestBody = @RequestBody(required = true, description = FilingHttp.SUBMISSION_BODY,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The verdict and every finding",
                            content = @Content(schema = @Schema(implementation = CheckResult.class))),
                    @ApiResponse(responseCode = "422", description = "Field by field, what is wrong with the submission",
                            content = @Content(schema = @Schema(implementation = ErrorBody.class)))})
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CheckResult check(@Body byte[] body, @QueryValue @Nullable String asOf,
            @Nullable Authentication authentication) {
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? TaipeiClock.today(clock) : LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(FieldError.of("asOf", "field.as-of-date"));
        }
        if (day.isBefore(EARLIEST_AS_OF) || day.isAfter(LATEST_AS_OF)) {
            throw ApiException.invalid(FieldError.of("asOf", "field.as-of-range", EARLIEST_AS_OF, LATEST_AS_OF));
        }
        return service.preCheck(SubmissionReader.readWithStore(JsonBodies.parse(body)).orRefuse(), day, authentication == null ? null : Filer.of(authentication));
    }
}
