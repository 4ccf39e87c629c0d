package tw.straitcheck.filing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tw.straitcheck.account.Access;
import tw.straitcheck.account.Actor;
import tw.straitcheck.account.Role;
import tw.straitcheck.records.RecordMoves;
import tw.straitcheck.records.RecordStatus;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;

/**
 * The registration platform's API for schools. {@code POST /api/submissions} files any of the four
 * types (validated, checked and stored in one transaction; {@code Idempotency-Key} makes a retry
 * safe); {@code GET /api/submissions/{receipt}} shows the record; {@code PUT} resubmits a record
 * returned for correction; {@code POST …/withdraw} withdraws one not yet decided.
 * Who acts is the logged-in account or the API token's; a school files and reads its own school's
 * records only (another school's record is answered 404), a reviewer reads records in review and
 * decided ones.
 */
@Tag(name = "submissions")
@Controller("/api/submissions")
@Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class SubmissionController {

    private final SubmissionService service;
    private final RecordViews views;
    private final RecordMoves moves;
    private final RecordStore records;

    SubmissionController(SubmissionService service, RecordViews views, RecordMoves moves, RecordStore records) {
        this.service = service;
        this.views = views;
        this.moves = moves;
        this.records = records;
    }

    @Operation(summary = "File a submission: validated, checked and stored",
            requestBody = @RequestBody(required = true, description = FilingHttp.SUBMISSION_BODY,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))),
            responses = @ApiResponse(responseCode = "201", description = "The record's receipt and status, the version, the check",
                    content = @Content(schema = @Schema(implementation = Filing.class))))
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> file(@Body byte[] body, Authentication authentication,
            @Header(FilingHttp.IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        SubmissionService.Answer answer = service.file(JsonBodies.parse(body), Filer.of(authentication),
                FilingHttp.idempotencyKey(idempotencyKey));
        return FilingHttp.created(answer);
    }

    @Operation(summary = "Resubmit a record returned for correction",
            requestBody = @RequestBody(required = true, description = FilingHttp.SUBMISSION_BODY,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))),
            responses = @ApiResponse(responseCode = "200", description = "The record after the new version",
                    content = @Content(schema = @Schema(implementation = Filing.class))))
    @Put(uri = "/{receipt}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> resubmit(@PathVariable String receipt, @Body byte[] body, Authentication authentication) {
        SubmissionService.Answer answer = service.resubmit(receipt, JsonBodies.parse(body), Filer.of(authentication));
        return HttpResponse.ok(answer.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/{receipt}", produces = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.SCHOOL_USER, Role.Names.SCHOOL_ADMIN, Role.Names.REVIEWER})
    RecordViews.View show(@PathVariable String receipt, Authentication authentication) {
        RecordViews.View view = views.view(receipt);
        if (!Access.mayRead(Actor.of(authentication), view.record().schoolCode(),
                view.record().status() != RecordStatus.WITHDRAWN)) {
            throw ApiException.noRecord();
        }
        return view;
    }

    @Post(uri = "/{receipt}/withdraw", produces = MediaType.APPLICATION_JSON)
    RecordViews.Summary withdraw(@PathVariable String receipt, @Body @Nullable byte[] body,
            Authentication authentication, @Header("If-Match") @Nullable String ifMatch) {
        Filer filer = Filer.of(authentication);
        String reason = reason(body);  // a malformed body is refused (422) before the record is looked at
        records.find(receipt).filter(r -> filer.mayFileFor(r.schoolCode())).orElseThrow(ApiException::noRecord);
        SubmissionRecord moved = moves.move(receipt, RecordMoves.Move.WITHDRAW, filer.name(), reason,
                lockVersion(ifMatch));
        return RecordViews.Summary.of(moved);
    }

    /** The optional body {@code {"reason": "…"}}, read like every other body (bounded, strict). */
    private static @Nullable String reason(@Nullable byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode json = JsonBodies.parse(body);
        com.fasterxml.jackson.databind.JsonNode reason = json.path("reason");
        if (reason.isMissingNode() || reason.isNull()) {
            return null;
        }
        if (!json.isObject() || !reason.isTextual()) {
            throw ApiException.invalid(FieldError.of("reason", "field.text"));
        }
        if (reason.textValue().codePointCount(0, reason.textValue().length()) > WITHDRAW_REASON_MAX) {
            throw ApiException.invalid(FieldError.of("reason", "field.max-length", WITHDRAW_REASON_MAX));
        }
        return reason.textValue();
    }

    static final int WITHDRAW_REASON_MAX = 1000;

    private static Long lockVersion(@Nullable String ifMatch) {
        try {
            return FilingHttp.lockVersion(ifMatch);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(java.util.List.of(FilingHttp.BAD_IF_MATCH));
        }
    }
}
