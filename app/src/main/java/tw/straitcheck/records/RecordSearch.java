package tw.straitcheck.records;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import tw.straitcheck.system.TaipeiClock;

/**
 * Records searched and sorted as the reviewers' queue wants them: the most severe first (violations, then flags), then the soonest to
 * leave. Records that do not travel (announcements, video exchanges) come after those that do,
 * by the start of their activity. Findings are those of the judged version: the latest one other
 * than a post-activity report, whose findings are its own and leave the record's verdict alone.
 */
@Singleton
public class RecordSearch {

    /** The judged version of each record {@code r}, joined only where it is read. */
    private static final String JUDGED = """
            LEFT JOIN LATERAL (SELECT v.id FROM submission_version v
                               WHERE v.record_id = r.id AND v.kind NOT IN ('POST_ACTIVITY_REPORT', 'RESULTS_REPORT')
                               ORDER BY v.number DESC LIMIT 1) judged ON true
            """;

    private static final String ORDER = " ORDER BY r.violations DESC, r.flags DESC, r.departure ASC NULLS LAST,"
            + " r.activity_start ASC, r.id ASC";

    private static final String RULE_IDS = """
            ARRAY(SELECT DISTINCT f.rule_id FROM finding f
                  WHERE f.record_id = r.id AND f.version_id = judged.id AND f.kind = '%s' ORDER BY f.rule_id)""";

    private final JdbcOperations jdbc;
    private final Clock clock;

    RecordSearch(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What to look for: records in these statuses, of a school, whose judged version raised a
     * ruleId, departing (or starting) between two days (both included); one page of {@code size}.
     */
    public record Criteria(Set<RecordStatus> statuses, @Nullable String school, @Nullable String ruleId,
            @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
    }

    /** A record in the queue: its summary, days until departure, and the rules it was flagged or violated by. */
    @Serdeable
    public record Item(@JsonUnwrapped RecordViews.Summary record, @Nullable Long daysUntilDeparture,
            List<String> flaggedRuleIds, List<String> violatedRuleIds) {
    }

    @Serdeable
    public record Page(long total, int page, int size, List<Item> items) {
    }

    /** One page of the queue. */
    @ReadOnly
    public Page page(Criteria filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        // The records' own columns decide which records and in which order (submission_record_queue
        // index); the judged version is joined only for the ruleId filter, and its rule ids are read
        // for the one page of records only.
        String from = "FROM submission_record r " + (filter.ruleId() == null ? "" : JUDGED);
        long total = jdbc.prepareStatement("SELECT count(*) " + from + where, statement -> {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        String select = "SELECT r.*, " + RULE_IDS.formatted("FLAG") + " AS flagged_rule_ids, "
                + RULE_IDS.formatted("VIOLATION") + " AS violated_rule_ids\n"
                + "FROM (SELECT r.* " + from + where + ORDER + " LIMIT ? OFFSET ?) r\n" + JUDGED + ORDER;
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(filter.size());
        pageParameters.add((long) filter.page() * filter.size());
        LocalDate today = TaipeiClock.today(clock);
        List<Item> items = new ArrayList<>();
        jdbc.prepareStatement(select, statement -> {
            bind(statement, pageParameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(item(jdbc.readEntity(rs, SubmissionRecord.class), rs, today));
                }
            }
            return null;
        });
        return new Page(total, filter.page(), filter.size(), List.copyOf(items));
    }

    private static String where(Criteria filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("r.status IN (" + String.join(", ", Collections.nCopies(filter.statuses().size(), "?")) + ")");
        filter.statuses().forEach(s -> parameters.add(s.name()));
        if (filter.school() != null) {
            conditions.add("r.school_code = ?");
            parameters.add(filter.school());
        }
        if (filter.ruleId() != null) {
            conditions.add("EXISTS (SELECT 1 FROM finding f WHERE f.record_id = r.id AND f.version_id = judged.id AND f.rule_id = ?)");
            parameters.add(filter.ruleId());
        }
        if (filter.from() != null) {
            conditions.add("coalesce(r.departure, r.activity_start) >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            conditions.add("coalesce(r.departure, r.activity_start) <= ?");
            parameters.add(filter.to());
        }
        return "WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static Item item(SubmissionRecord record, ResultSet rs, LocalDate today) throws SQLException {
        return new Item(RecordViews.Summary.of(record),
                record.departure() == null ? null : ChronoUnit.DAYS.between(today, record.departure()),
                strings(rs.getArray("flagged_rule_ids")), strings(rs.getArray("violated_rule_ids")));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        return List.copyOf(values);
    }
}
