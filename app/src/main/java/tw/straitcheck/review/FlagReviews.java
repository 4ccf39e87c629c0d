package tw.straitcheck.review;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tw.straitcheck.submission.FieldError;
import tw.straitcheck.submission.FilingException;
import tw.straitcheck.submission.StoredFinding;
import tw.straitcheck.submission.SubmissionRecord;

/**
 * A reviewer marks a stored FLAG CONFIRMED or FALSE_POSITIVE, with a note. Only flags are marked:
 * a violation or an obligation is the rulebase's reading of the law, not a guess to confirm.
 * Marks change while the record is undecided; once cleared, rejected or withdrawn they stay as
 * the decision found them.
 */
@Singleton
class FlagReviews {

    private final ReviewRepositories.Records records;
    private final ReviewRepositories.Flags flags;
    private final Clock clock;

    FlagReviews(ReviewRepositories.Records records, ReviewRepositories.Flags flags, Clock clock) {
        this.records = records;
        this.flags = flags;
        this.clock = clock;
    }

    @Transactional
    StoredFinding mark(String receipt, String findingId, FlagMark mark, String reviewer) {
        SubmissionRecord record = records.findByReceipt(receipt).orElseThrow(() -> new FilingException.NotFound(receipt));
        StoredFinding finding = parseId(findingId)
                .flatMap(flags::findById)
                .filter(f -> f.recordId().equals(record.id()))
                .orElseThrow(() -> new ReviewException.FindingNotFound(receipt, findingId));
        if (!"FLAG".equals(finding.kind())) {
            throw new ReviewException.Invalid(List.of(new FieldError("findingId",
                    "只有提醒（FLAG）可標記；此項為 " + finding.kind(), "only a FLAG can be marked; this finding is a " + finding.kind())));
        }
        if (!record.status().undecided()) {
            throw new FilingException.Conflict(receipt, "案件已" + record.status() + "，提醒的標記不再變更",
                    "the record is " + record.status() + "; its flags' marks no longer change");
        }
        Instant now = clock.instant();
        flags.mark(finding.id(), mark.state().name(), mark.note(), reviewer, now);
        return new StoredFinding(finding.id(), finding.recordId(), finding.versionId(), finding.ruleId(), finding.kind(),
                finding.due(), finding.subject(), finding.field(), finding.keyword(), finding.body(), mark.state(),
                mark.note(), reviewer, now);
    }

    private static Optional<Long> parseId(String findingId) {
        try {
            return Optional.of(Long.parseLong(findingId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
