package tw.straitcheck.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.submission.FieldError;
import tw.straitcheck.submission.FilingHttp;
import tw.straitcheck.submission.RecordViews;
import tw.straitcheck.submission.StoredFinding;
import tw.straitcheck.submission.SubmissionRecord;
import tw.straitcheck.system.JsonBodies;
import tw.straitcheck.system.TaipeiClock;

/**
 * The reviewers' API. {@code GET /api/review/queue} lists records to review, most severe and
 * soonest first; {@code POST /api/review/{receipt}/findings/{id}} marks a flag CONFIRMED or
 * FALSE_POSITIVE; {@code POST /api/review/{receipt}/decision} CLEARs, RETURNs or REJECTs (with
 * {@code If-Match}: the lockVersion the reviewer saw). A CLEAR while flags of the judged version
 * are unmarked is refused with 409, like any move the record's state does not allow, carrying the
 * current state and the {@code unmarkedFindings} ids. {@code GET /api/review/keyword-stats} counts
 * the marks per rule and keyword for policy staff. Reviewers name themselves in {@code X-Actor}.
 */
@Controller("/api/review")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReviewQueue queue;
    private final Decisions decisions;
    private final FlagReviews flagReviews;
    private final KeywordStats keywordStats;

    ReviewController(ReviewQueue queue, Decisions decisions, FlagReviews flagReviews, KeywordStats keywordStats) {
        this.queue = queue;
        this.decisions = decisions;
        this.flagReviews = flagReviews;
        this.keywordStats = keywordStats;
    }

    @Get(uri = "/queue", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> queue(@QueryValue @Nullable String status, @QueryValue @Nullable String school,
            @QueryValue @Nullable String ruleId, @QueryValue @Nullable String from, @QueryValue @Nullable String to,
            @QueryValue @Nullable String page, @QueryValue @Nullable String size) {
        QueueFilter filter = QueueFilter.read(status, school, ruleId, from, to, page, size);
        return json(queue.page(filter));
    }

    @Post(uri = "/{receipt}/decision", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> decide(@PathVariable String receipt, @Body @Nullable byte[] body,
            @Header(FilingHttp.ACTOR) @Nullable String actor, @Header("If-Match") @Nullable String ifMatch) {
        List<FieldError> errors = new ArrayList<>();
        String reviewer = Forms.reviewer(actor, errors);
        Long expectedLockVersion = Forms.lockVersion(ifMatch, errors);
        DecisionForm form = DecisionForm.read(JsonBodies.parse(body), errors);
        if (!errors.isEmpty()) {
            throw new ReviewException.Invalid(errors);
        }
        SubmissionRecord decided = decisions.decide(receipt, form, reviewer, expectedLockVersion);
        return json(RecordViews.summary(decided));
    }

    @Post(uri = "/{receipt}/findings/{findingId}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> mark(@PathVariable String receipt, @PathVariable String findingId, @Body @Nullable byte[] body,
            @Header(FilingHttp.ACTOR) @Nullable String actor) {
        List<FieldError> errors = new ArrayList<>();
        String reviewer = Forms.reviewer(actor, errors);
        FlagMark mark = FlagMark.read(JsonBodies.parse(body), errors);
        if (!errors.isEmpty()) {
            throw new ReviewException.Invalid(errors);
        }
        return json(marked(flagReviews.mark(receipt, findingId, mark, reviewer)));
    }

    @Get(uri = "/keyword-stats", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> keywordStats() {
        return json(keywordStats.counts());
    }

    private static ObjectNode marked(StoredFinding f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", f.id());
        node.put("ruleId", f.ruleId());
        node.put("kind", f.kind());
        node.put("field", f.field());
        node.put("keyword", f.keyword());
        ObjectNode review = node.putObject("review");
        review.put("state", f.reviewState().name());
        review.put("note", f.reviewNote());
        review.put("by", f.reviewedBy());
        review.put("at", OffsetDateTime.ofInstant(f.reviewedAt(), TaipeiClock.ZONE).toString());
        return node;
    }

    private static HttpResponse<String> json(ObjectNode body) {
        return HttpResponse.ok(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
