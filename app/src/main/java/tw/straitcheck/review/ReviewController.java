package tw.straitcheck.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.account.Role;
import tw.straitcheck.records.FlagMarks;
import tw.straitcheck.records.RecordSearch;
import tw.straitcheck.records.RecordViews;
import tw.straitcheck.records.StoredFinding;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;

/**
 * The reviewers' API. {@code GET /api/review/queue} lists records to review, most severe and
 * soonest first; {@code POST /api/review/{receipt}/findings/{id}} marks a flag CONFIRMED or
 * FALSE_POSITIVE; {@code POST /api/review/{receipt}/decision} CLEARs, RETURNs or REJECTs (with
 * {@code If-Match}: the lockVersion the reviewer saw). A CLEAR while flags of the judged version
 * are unmarked is refused with 409, like any move the record's state does not allow, carrying the
 * current state and the {@code unmarkedFindings} ids. {@code GET /api/review/keyword-stats} counts
 * the marks per rule and keyword for policy staff. {@code POST /api/review/{receipt}/take} makes the
 * reviewer the record's holder ({@code {"takeOver": true, "holder": "..."}} replaces another reviewer,
 * the one named), {@code POST /api/review/{receipt}/release} lets it go. The reviewer is the
 * logged-in account (or its token).
 */
@Tag(name = "review")
@Controller("/api/review")
@Secured(Role.Names.REVIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewController {

    private final RecordSearch queue;
    private final Decisions decisions;
    private final FlagReviews flagReviews;
    private final KeywordStats keywordStats;
    private final ReviewAssignments assignments;

    ReviewController(RecordSearch queue, Decisions decisions, FlagReviews flagReviews, KeywordStats keywordStats,
            ReviewAssignments assignments) {
        this.queue = queue;
        this.decisions = decisions;
        this.flagReviews = flagReviews;
        this.keywordStats = keywordStats;
        this.assignments = assignments;
    }

    @Get(uri = "/queue", produces = MediaType.APPLICATION_JSON)
    RecordSearch.Page queue(@QueryValue @Nullable String status, @QueryValue @Nullable String school,
            @QueryValue @Nullable String ruleId, @QueryValue @Nullable String from, @QueryValue @Nullable String to,
            @QueryValue @Nullable String page, @QueryValue @Nullable String size) {
        RecordSearch.Criteria filter = QueueFilter.read(status, school, ruleId, from, to, page, size);
        return queue.page(filter);
    }

    @Post(uri = "/{receipt}/decision", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    RecordViews.Summary decide(@PathVariable String receipt, @Body @Nullable byte[] body,
            Authentication authentication, @Header("If-Match") @Nullable String ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        String reviewer = authentication.getName();
        Long expectedLockVersion = Forms.lockVersion(ifMatch, errors);
        DecisionForm form = DecisionForm.read(JsonBodies.parse(body), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        SubmissionRecord decided = decisions.decide(receipt, form, reviewer, expectedLockVersion);
        return RecordViews.Summary.of(decided);
    }

    @Post(uri = "/{receipt}/findings/{findingId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    MarkedFlag mark(@PathVariable String receipt, @PathVariable String findingId, @Body @Nullable byte[] body,
            Authentication authentication) {
        List<FieldError> errors = new ArrayList<>();
        String reviewer = authentication.getName();
        FlagMark mark = FlagMark.read(JsonBodies.parse(body), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        FlagReviews.Marked marked = flagReviews.mark(receipt, findingId, mark, reviewer);
        StoredFinding f = marked.finding();
        return new MarkedFlag(f.id(), f.ruleId(), f.kind(), f.field(), f.keyword(), marked.mark());
    }

    @Get(uri = "/keyword-stats", produces = MediaType.APPLICATION_JSON)
    @Secured({Role.Names.REVIEWER, Role.Names.POLICY_EDITOR})
    KeywordStats.Counts keywordStats() {
        return keywordStats.counts();
    }

    @Post(uri = "/{receipt}/take", produces = MediaType.APPLICATION_JSON)
    Assignment take(@PathVariable String receipt, @Body @Nullable byte[] body, Authentication authentication) {
        JsonNode json = body == null || body.length == 0
                ? NullNode.getInstance() : JsonBodies.parse(body);
        List<FieldError> errors = new ArrayList<>();
        boolean takeOver = json.path("takeOver").asBoolean(false);
        String holder = json.isObject() ? Forms.optionalText(json, "holder", errors) : null;
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ReviewAssignments.Holder taken = assignments.take(receipt, authentication.getName(), takeOver, holder);
        return new Assignment(receipt, taken.reviewer(), taken.since());
    }

    @Post(uri = "/{receipt}/release", produces = MediaType.APPLICATION_JSON)
    Assignment release(@PathVariable String receipt, Authentication authentication) {
        assignments.release(receipt, authentication.getName());
        return new Assignment(receipt, null, null);
    }

    /** Who holds a record now (nobody after a release). */
    @Serdeable
    record Assignment(String receipt, @Nullable String holder, @Nullable OffsetDateTime since) {
    }

    /** A flag as a reviewer marked it. */
    @Serdeable
    record MarkedFlag(long id, String ruleId, String kind, @Nullable String field, @Nullable String keyword,
            FlagMarks.Mark review) {
    }
}
