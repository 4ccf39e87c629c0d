package tw.straitcheck.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A school's records as its to-do list (the immigration agency's 待辦事項, seed 003): those
 * returned for correction, with the reviewer's comment; those in review; registrations accepted
 * and still awaiting their post-activity report, with its due date; and the rest. One indexed
 * query per group, each one page long ({@code LIMIT}), comments and due dates read in the same
 * query: a school with thousands of records is answered as fast as one with ten.
 */
@Singleton
public class SchoolRecords {

    /** The obligation whose due date the awaiting-report group shows (the rulebase's ruleId). */
    static final String REPORT_OBLIGATION = "OBL.POST_ACTIVITY_REPORT";

    /** The to-do groups, in the order the page shows them, each with its condition and order. */
    public enum Group {
        RETURNED("r.status = 'RETURNED'", "r.updated_at DESC, r.id DESC"),
        IN_REVIEW("r.status = 'IN_REVIEW'", "coalesce(r.departure, r.activity_start) ASC NULLS LAST, r.id ASC"),
        AWAITING_REPORT("r.status = 'ACCEPTED' AND r.type = 'EXCHANGE_ACTIVITY' AND r.post_report_filed_on IS NULL",
                "r.activity_end ASC NULLS LAST, r.id ASC"),
        OTHER("r.status NOT IN ('RETURNED', 'IN_REVIEW') AND NOT (r.status = 'ACCEPTED' AND r.type = 'EXCHANGE_ACTIVITY'"
                + " AND r.post_report_filed_on IS NULL)", "r.updated_at DESC, r.id DESC");

        final String condition;
        final String order;

        Group(String condition, String order) {
            this.condition = condition;
            this.order = order;
        }
    }

    /** A record on the list: its summary, the reviewer's last comment when returned, the report's due date. */
    public record Item(RecordViews.Summary record, @Nullable String returnComment, @Nullable java.time.LocalDate reportDue) {
    }

    /** One group's page: how many records it holds in all, and those of this page. */
    public record GroupPage(Group group, long total, int page, int size, List<Item> items) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    private final JdbcOperations jdbc;

    SchoolRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of a group, and how many records the group holds: one statement (the count rides along). */
    @ReadOnly
    public GroupPage page(String school, Group group, int page, int size) {
        List<Item> items = new ArrayList<>();
        long[] total = {0};
        jdbc.prepareStatement(select(group), statement -> {
            statement.setString(1, REPORT_OBLIGATION);
            statement.setString(2, school);
            statement.setInt(3, size);
            statement.setLong(4, (long) page * size);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    total[0] = rs.getLong("total");
                    Date due = rs.getDate("report_due");
                    items.add(new Item(RecordViews.Summary.of(jdbc.readEntity(rs, SubmissionRecord.class)),
                            rs.getString("return_comment"), due == null ? null : due.toLocalDate()));
                }
            }
            return null;
        });
        return new GroupPage(group, items.isEmpty() && page > 0 ? count(school, group) : total[0], page, size,
                List.copyOf(items));
    }

    /** The group's page query: parameters the report obligation's ruleId, the school, LIMIT and OFFSET. */
    static String select(Group group) {
        return """
                SELECT r.*, count(*) OVER () AS total,
                  (SELECT h.comment FROM status_history h WHERE h.record_id = r.id AND h.action = 'RETURN'
                   ORDER BY h.id DESC LIMIT 1) AS return_comment,
                  (SELECT min(f.due) FROM finding f WHERE f.record_id = r.id AND f.rule_id = ?
                     AND f.version_id = (SELECT v.id FROM submission_version v WHERE v.record_id = r.id
                                           AND v.kind NOT IN ('POST_ACTIVITY_REPORT', 'RESULTS_REPORT')
                                         ORDER BY v.number DESC LIMIT 1)) AS report_due
                FROM submission_record r
                WHERE r.school_code = ? AND %s
                ORDER BY %s
                LIMIT ? OFFSET ?""".formatted(group.condition, group.order);
    }

    /** A page past the group's end carries no count with it. */
    private long count(String school, Group group) {
        return jdbc.prepareStatement("SELECT count(*) FROM submission_record r WHERE r.school_code = ? AND "
                + group.condition, statement -> {
                    statement.setString(1, school);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }
}
