package tw.straitcheck.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * For policy staff: how reviewers marked the flags, per rule and matched keyword, the keywords
 * most often marked FALSE_POSITIVE first — the list entries that misfire and may need an
 * exclusion. Flags that match no keyword (FUNDING.MAINLAND_HOSPITALITY) count under a null keyword.
 */
@Singleton
public class KeywordStats {

    private static final String SQL = """
            SELECT f.rule_id, f.keyword,
                   count(*) FILTER (WHERE m.state = 'CONFIRMED')      AS confirmed,
                   count(*) FILTER (WHERE m.state = 'FALSE_POSITIVE') AS false_positives,
                   count(*) FILTER (WHERE m.state IS NULL)            AS unreviewed
            FROM finding f LEFT JOIN flag_mark m ON m.finding_id = f.id
            WHERE f.kind = 'FLAG'
            GROUP BY f.rule_id, f.keyword
            ORDER BY false_positives DESC, confirmed ASC, rule_id, keyword NULLS LAST""";

    private final JdbcOperations jdbc;

    KeywordStats(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    public record Count(String ruleId, @Nullable String keyword, long confirmed, long falsePositives, long unreviewed) {
    }

    @Serdeable
    public record Counts(List<Count> items) {
    }

    @ReadOnly
    public Counts counts() {
        List<Count> items = new ArrayList<>();
        jdbc.prepareStatement(SQL, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(new Count(rs.getString("rule_id"), rs.getString("keyword"), rs.getLong("confirmed"),
                            rs.getLong("false_positives"), rs.getLong("unreviewed")));
                }
            }
            return null;
        });
        return new Counts(List.copyOf(items));
    }
}
