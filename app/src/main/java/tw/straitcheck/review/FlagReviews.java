package tw.straitcheck.review;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tw.straitcheck.records.FlagMarks;
import tw.straitcheck.records.RecordStore;
import tw.straitcheck.records.StoredFinding;
import tw.straitcheck.records.SubmissionRecord;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * A reviewer marks a stored FLAG CONFIRMED or FALSE_POSITIVE, with a note. Only flags are marked:
 * a violation or an obligation is the rulebase's reading of the law, not a guess to confirm.
 * Marks change while the record is undecided; once cleared, rejected or withdrawn they stay as
 * the decision found them. A record another reviewer holds is not theirs to mark (409).
 */
@Singleton
class FlagReviews implements FlagMarks {

    /** A flag as marked. */
    record Marked(StoredFinding finding, FlagMarks.Mark mark) {
    }

    private final RecordStore records;
    private final ReviewRepositories.Marks marks;
    private final Clock clock;
    private final ReviewAssignments assignments;

    FlagReviews(RecordStore records, ReviewRepositories.Marks marks, Clock clock, ReviewAssignments assignments) {
        this.records = records;
        this.marks = marks;
        this.clock = clock;
        this.assignments = assignments;
    }

    @Transactional
    Marked mark(String receipt, String findingId, FlagMark mark, String reviewer) {
        SubmissionRecord record = records.find(receipt).orElseThrow(() -> ApiException.noRecord());
        StoredFinding finding = parseId(findingId)
                .flatMap(id -> records.finding(record, id))
                .orElseThrow(() -> ApiException.notFound(Messages.of("error.finding.not-found")));
        if (!"FLAG".equals(finding.kind())) {
            throw ApiException.invalid(List.of(FieldError.of("findingId", "field.only-flags-marked", finding.kind())));
        }
        if (!record.status().undecided()) {
            throw ApiException.conflict(receipt, Messages.of("conflict.marks-closed", record.status()));
        }
        assignments.requireNotHeldByOther(record, reviewer);
        Instant now = clock.instant();
        marks.mark(finding.id(), record.id(), mark.state().name(), mark.note(), reviewer, now);
        return new Marked(finding, new FlagMarks.Mark(mark.state().name(), mark.note(), reviewer, TaipeiClock.at(now)));
    }

    /** The flags of the judged version that no reviewer has marked yet. */
    @Transactional
    List<Long> unmarked(SubmissionRecord record) {
        Set<Long> marked = new HashSet<>();
        marks.findByRecordId(record.id()).forEach(m -> marked.add(m.findingId()));
        return records.flagsOfJudgedVersion(record).stream().filter(id -> !marked.contains(id)).toList();
    }

    @Override
    @Transactional
    public Map<Long, FlagMarks.Mark> of(long recordId) {
        Map<Long, FlagMarks.Mark> byFinding = new LinkedHashMap<>();
        for (ReviewRepositories.StoredMark m : marks.findByRecordId(recordId)) {
            byFinding.put(m.findingId(), new FlagMarks.Mark(m.state().name(), m.note(), m.markedBy(),
                    TaipeiClock.at(m.markedAt())));
        }
        return byFinding;
    }

    private static Optional<Long> parseId(String findingId) {
        try {
            return Optional.of(Long.parseLong(findingId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
