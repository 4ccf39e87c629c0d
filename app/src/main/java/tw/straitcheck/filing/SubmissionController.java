package tw.straitcheck.filing;

import tw.straitcheck.system.ApiException;
import tw.straitcheck.records.RecordMoves;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.records.SubmissionRecord;
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
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;

/**
 * The registration platform's API for schools. {@code POST /api/submissions} files any of the four
 * types (validated, checked and stored in one transaction; {@code Idempotency-Key} makes a retry
 * safe); {@code GET /api/submissions/{receipt}} shows the record; {@code PUT} resubmits a record
 * returned for correction; {@code POST …/withdraw} withdraws one not yet decided.
 * Who acts is given in {@code X-Actor} until accounts arrive.
 */
@Controller("/api/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
class SubmissionController {

    private final SubmissionService service;
    private final RecordViews views;
    private final RecordMoves moves;

    SubmissionController(SubmissionService service, RecordViews views, RecordMoves moves) {
        this.service = service;
        this.views = views;
        this.moves = moves;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> file(@Body byte[] body, @Header(FilingHttp.ACTOR) @Nullable String actor,
            @Header(FilingHttp.IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        SubmissionService.Answer answer = service.file(JsonBodies.parse(body), FilingHttp.actorOrSchool(actor),
                FilingHttp.idempotencyKey(idempotencyKey));
        return FilingHttp.created(answer);
    }

    @Put(uri = "/{receipt}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> resubmit(@PathVariable String receipt, @Body byte[] body, @Header(FilingHttp.ACTOR) @Nullable String actor) {
        SubmissionService.Answer answer = service.resubmit(receipt, JsonBodies.parse(body), FilingHttp.actorOrSchool(actor));
        return HttpResponse.ok(answer.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/{receipt}", produces = MediaType.APPLICATION_JSON)
    RecordViews.View show(@PathVariable String receipt) {
        return views.view(receipt);
    }

    @Post(uri = "/{receipt}/withdraw", produces = MediaType.APPLICATION_JSON)
    RecordViews.Summary withdraw(@PathVariable String receipt, @Body @Nullable byte[] body,
            @Header(FilingHttp.ACTOR) @Nullable String actor, @Header("If-Match") @Nullable String ifMatch) {
        SubmissionRecord moved = moves.move(receipt, RecordMoves.Move.WITHDRAW, FilingHttp.actorOrSchool(actor),
                reason(body), lockVersion(ifMatch));
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
