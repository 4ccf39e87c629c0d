package tw.straitcheck.records;

import io.micronaut.serde.annotation.Serdeable;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The reviewers' marks on a record's flags, as the record view shows them. Reviewing owns the
 * marks (their table and how they are made); the record only reads them through this.
 */
public interface FlagMarks {

    /** A reviewer's mark on a flag: CONFIRMED or FALSE_POSITIVE, with a note. */
    @Serdeable
    record Mark(String state, String note, String by, OffsetDateTime at) {
    }

    /** The marks of the record's findings, by finding id. */
    Map<Long, Mark> of(long recordId);
}
