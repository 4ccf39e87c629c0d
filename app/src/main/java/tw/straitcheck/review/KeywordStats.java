package tw.straitcheck.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * For policy staff: how reviewers marked the flags, per rule and matched keyword, the keywords
 * most often marked FALSE_POSITIVE first — the list entries that misfire and may need an
 * exclusion. Flags that match no keyword (FUNDING.MAINLAND_HOSPITALITY) count under a null keyword.
 */
@Singleton
class KeywordStats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SQL = """
            SELECT rule_id, keyword,
                   count(*) FILTER (WHERE review_state = 'CONFIRMED')      AS confirmed,
                   count(*) FILTER (WHERE review_state = 'FALSE_POSITIVE') AS false_positives,
                   count(*) FILTER (WHERE review_state IS NULL)            AS unreviewed
            FROM finding
            WHERE kind = 'FLAG'
            GROUP BY rule_id, keyword
            ORDER BY false_positives DESC, confirmed ASC, rule_id, keyword NULLS LAST""";

    private final JdbcOperations jdbc;

    KeywordStats(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code {items: [{ruleId, keyword, confirmed, falsePositives, unreviewed}]}}. */
    @ReadOnly
    ObjectNode counts() {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putArray("items");
        jdbc.prepareStatement(SQL, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ObjectNode item = items.addObject();
                    item.put("ruleId", rs.getString("rule_id"));
                    item.put("keyword", rs.getString("keyword"));
                    item.put("confirmed", rs.getLong("confirmed"));
                    item.put("falsePositives", rs.getLong("false_positives"));
                    item.put("unreviewed", rs.getLong("unreviewed"));
                }
            }
            return null;
        });
        return answer;
    }
}
