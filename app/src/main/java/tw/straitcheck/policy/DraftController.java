package tw.straitcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import tw.straitcheck.account.Role;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;

/**
 * The policy editors' API on the rulebook (issue 10). Drafts: {@code POST /api/rulebook/drafts}
 * ({@code {"reason"}}: a copy of the version in force today), {@code GET .../drafts/{id}}, a file
 * read, written ({@code PUT .../files/{path}?reason=}, the body is the file) or deleted, the
 * {@code diff} against the published version, {@code compile} (problems with file and line),
 * {@code test} (the case corpus), {@code cases} (a case file kept with the draft, or made from a
 * reviewer's FALSE_POSITIVE mark: {@code cases/false-positive/{findingId}}; removed:
 * {@code DELETE .../cases/{name}?reason=}), {@code approve}
 * and {@code publish} ({@code {"effectiveFrom", "reason"}}), and the {@code impact} analysis (started, read, or cancelled: {@code impact/cancel}). Versions: the list, a rollback (a
 * draft of an earlier version's files), what is live here; a replay of a stored verdict; and the audit log.
 */
@Controller("/api/rulebook")
@Secured(Role.Names.POLICY_EDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class DraftController {

    private final Drafts drafts;
    private final LiveRulebases live;
    private final Replays replays;
    private final Impact impact;

    DraftController(Drafts drafts, LiveRulebases live, Replays replays, Impact impact) {
        this.drafts = drafts;
        this.live = live;
        this.replays = replays;
        this.impact = impact;
    }

    /** Starts the draft's impact analysis ({@code ?all=true}: every record, not only those whose activity has not ended). */
    @Post(uri = "/drafts/{id}/impact", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Impact.Started> startImpact(@PathVariable long id, @QueryValue @Nullable Boolean all) {
        return HttpResponse.status(HttpStatus.ACCEPTED).body(impact.start(id, Boolean.TRUE.equals(all)));
    }

    /** Cancels the draft's running impact run, on whichever instance it runs (409 when none runs): the run, CANCELLED. */
    @Post(uri = "/drafts/{id}/impact/cancel", produces = MediaType.APPLICATION_JSON)
    Impact.View cancelImpact(@PathVariable long id) {
        return impact.cancel(id);
    }

    /** The draft's last impact run: its state and progress, and when done its summary and changed records, paged. */
    @Get(uri = "/drafts/{id}/impact", produces = MediaType.APPLICATION_JSON)
    Impact.View impact(@PathVariable long id, @QueryValue @Nullable Integer page, @QueryValue @Nullable Integer size) {
        return impact.last(id, page == null ? 1 : page, size == null ? 100 : size);
    }

    /** The record's latest version checked again with a rulebase version ({@code ?version=}; by default its own). */
    @Post(uri = "/replay/{receipt}", produces = MediaType.APPLICATION_JSON)
    Replays.Replay replay(@PathVariable String receipt, @QueryValue @Nullable String version) {
        return replays.replay(receipt, version);
    }

    @Get(uri = "/versions", produces = MediaType.APPLICATION_JSON)
    List<RulebaseVersion> versions() {
        return drafts.all();
    }

    /** What this instance checks with now, and a published version it could not build. */
    @Serdeable
    record LiveView(List<RulebaseVersion> live, @Nullable LiveRulebases.Failure failure) {
    }

    @Get(uri = "/live", produces = MediaType.APPLICATION_JSON)
    LiveView live() {
        return new LiveView(live.live(), live.failure().orElse(null));
    }

    @Post(uri = "/versions/{id}/rollback", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<RulebaseVersion> rollback(@PathVariable long id, @Body @Nullable byte[] body, Authentication who) {
        return HttpResponse.status(HttpStatus.CREATED).body(drafts.rollback(who.getName(), id, text(body, "reason")));
    }

    @Get(uri = "/audit", produces = MediaType.APPLICATION_JSON)
    List<RulebookAudit.Entry> audit(@QueryValue @Nullable Integer limit) {
        return drafts.audit(limit == null ? 200 : Math.max(1, Math.min(limit, 1000)));
    }

    @Post(uri = "/drafts", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<RulebaseVersion> create(@Body @Nullable byte[] body, Authentication who) {
        return HttpResponse.status(HttpStatus.CREATED).body(drafts.create(who.getName(), text(body, "reason")));
    }

    @Get(uri = "/drafts/{id}", produces = MediaType.APPLICATION_JSON)
    Drafts.Draft draft(@PathVariable long id) {
        return drafts.draft(id);
    }

    @Get(uri = "/drafts/{id}/files/{+path}", produces = MediaType.APPLICATION_JSON)
    Drafts.FileContent file(@PathVariable long id, @PathVariable String path) {
        return drafts.file(id, path);
    }

    @Put(uri = "/drafts/{id}/files/{+path}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    RulebaseVersion putFile(@PathVariable long id, @PathVariable String path, @Body @Nullable byte[] body,
            @QueryValue @Nullable String reason, Authentication who) {
        return drafts.putFile(who.getName(), id, path, body, reason);
    }

    @Delete(uri = "/drafts/{id}/files/{+path}", produces = MediaType.APPLICATION_JSON)
    RulebaseVersion deleteFile(@PathVariable long id, @PathVariable String path, @QueryValue @Nullable String reason,
            Authentication who) {
        return drafts.deleteFile(who.getName(), id, path, reason);
    }

    @Get(uri = "/drafts/{id}/diff", produces = MediaType.APPLICATION_JSON)
    List<FileDiffs.FileDiff> diff(@PathVariable long id) {
        return drafts.diff(id);
    }

    @Post(uri = "/drafts/{id}/compile", produces = MediaType.APPLICATION_JSON)
    Drafts.Compiled compile(@PathVariable long id) {
        return drafts.compile(id);
    }

    @Post(uri = "/drafts/{id}/test", produces = MediaType.APPLICATION_JSON)
    Drafts.TestRun test(@PathVariable long id) {
        return drafts.test(id);
    }

    @Post(uri = "/drafts/{id}/cases", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    RulebaseVersion addCase(@PathVariable long id, @Body @Nullable byte[] body, Authentication who) {
        JsonNode json = JsonBodies.parse(body);
        return drafts.addCase(who.getName(), id, json.path("name").asText(""), json.path("content").asText(""),
                json.path("reason").asText(""));
    }

    /** Removes a case kept with the draft ({@code ?reason=}); 404 when it keeps none of that name. */
    @Delete(uri = "/drafts/{id}/cases/{+name}", produces = MediaType.APPLICATION_JSON)
    RulebaseVersion removeCase(@PathVariable long id, @PathVariable String name, @QueryValue @Nullable String reason,
            Authentication who) {
        return drafts.removeCase(who.getName(), id, name, reason);
    }

    /** One click on a reviewer's FALSE_POSITIVE mark: the case file added to the chosen draft. */
    @Post(uri = "/drafts/{id}/cases/false-positive/{findingId}", produces = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.POLICY_EDITOR, Role.Names.REVIEWER})
    RulebaseVersion addFalsePositive(@PathVariable long id, @PathVariable long findingId, Authentication who) {
        return drafts.addFalsePositive(who.getName(), id, findingId);
    }

    @Post(uri = "/drafts/{id}/approve", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    RulebaseVersion approve(@PathVariable long id, @Body @Nullable byte[] body, Authentication who) {
        return drafts.approve(who.getName(), id, text(body, "reason"));
    }

    @Post(uri = "/drafts/{id}/publish", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    RulebaseVersion publish(@PathVariable long id, @Body @Nullable byte[] body, Authentication who) {
        JsonNode json = JsonBodies.parse(body);
        String day = json.path("effectiveFrom").asText("").strip();
        LocalDate effectiveFrom = null;
        if (!day.isEmpty()) {
            try {
                effectiveFrom = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(FieldError.of("effectiveFrom", "field.as-of-date"));
            }
        }
        return drafts.publish(who.getName(), id, effectiveFrom, json.path("reason").asText(""));
    }

    private static String text(byte[] body, String field) {
        return JsonBodies.parse(body).path(field).asText("");
    }
}
