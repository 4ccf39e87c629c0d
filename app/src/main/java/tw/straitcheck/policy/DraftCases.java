package tw.straitcheck.policy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The case files kept with a draft ({@code draft_case}); in the caller's transaction. */
@Singleton
class DraftCases {

    private final JdbcOperations jdbc;

    DraftCases(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void put(long versionId, String name, String content, String by, Instant at) {
        jdbc.prepareStatement("INSERT INTO draft_case (version_id, name, content, added_by, added_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (version_id, name) DO UPDATE SET content = excluded.content, added_by = excluded.added_by,"
                + " added_at = excluded.added_at", (PreparedStatement s) -> {
                    s.setLong(1, versionId);
                    s.setString(2, name);
                    s.setString(3, content);
                    s.setString(4, by);
                    s.setTimestamp(5, Timestamp.from(at));
                    return s.executeUpdate();
                });
    }

    /** Removes one case; false when the draft keeps none of that name. */
    boolean remove(long versionId, String name) {
        return jdbc.prepareStatement("DELETE FROM draft_case WHERE version_id = ? AND name = ?", (PreparedStatement s) -> {
            s.setLong(1, versionId);
            s.setString(2, name);
            return s.executeUpdate();
        }) > 0;
    }

    /** The draft's cases by name, in name order. */
    Map<String, String> of(long versionId) {
        return jdbc.prepareStatement("SELECT name, content FROM draft_case WHERE version_id = ? ORDER BY name",
                (PreparedStatement s) -> {
                    s.setLong(1, versionId);
                    Map<String, String> cases = new LinkedHashMap<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            cases.put(rs.getString(1), rs.getString(2));
                        }
                    }
                    return cases;
                });
    }
}
