package tw.straitcheck.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rulebook's append-only audit log ({@code rulebook_audit}): who did what to which version,
 * when and why. The table refuses UPDATE, DELETE and TRUNCATE (a trigger), so this class only appends and reads.
 */
@Singleton
class RulebookAudit {

    /** The steps written to the log. */
    enum Action {
        SEEDED, DEPLOY_DRAFT, DRAFT_CREATED, FILE_EDITED, FILE_DELETED, APPROVED, PUBLISHED, ROLLBACK_DRAFTED
    }

    @Serdeable
    record Entry(long id, Instant at, String actor, String action, @Nullable Long versionId, @Nullable String version,
            String what, String why) {
    }

    private final JdbcOperations jdbc;

    RulebookAudit(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a step; in the caller's transaction, so a step that is rolled back leaves no entry. */
    void append(Instant at, String actor, Action action, RulebaseVersion version, String what, String why) {
        jdbc.prepareStatement("INSERT INTO rulebook_audit (at, actor, action, version_id, version, what, why)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", (PreparedStatement s) -> {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, actor);
                    s.setString(3, action.name());
                    if (version == null) {
                        s.setNull(4, Types.BIGINT);
                        s.setNull(5, Types.VARCHAR);
                    } else {
                        s.setLong(4, version.id());
                        s.setString(5, version.version());
                    }
                    s.setString(6, what);
                    s.setString(7, why);
                    return s.executeUpdate();
                });
    }

    /** The latest entries first. */
    List<Entry> latest(int limit) {
        return jdbc.prepareStatement("SELECT id, at, actor, action, version_id, version, what, why FROM rulebook_audit"
                + " ORDER BY id DESC LIMIT ?", (PreparedStatement s) -> {
                    s.setInt(1, limit);
                    List<Entry> entries = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long versionId = rs.getLong("version_id");
                            entries.add(new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                                    rs.getString("actor"), rs.getString("action"), rs.wasNull() ? null : versionId,
                                    rs.getString("version"), rs.getString("what"), rs.getString("why")));
                        }
                    }
                    return entries;
                });
    }

    /** Everyone who edited the version's files: none of them may approve it. */
    List<String> editors(long versionId) {
        return jdbc.prepareStatement("SELECT DISTINCT actor FROM rulebook_audit WHERE version_id = ?"
                + " AND action IN ('DRAFT_CREATED', 'FILE_EDITED', 'FILE_DELETED', 'ROLLBACK_DRAFTED')", (PreparedStatement s) -> {
                    s.setLong(1, versionId);
                    List<String> actors = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            actors.add(rs.getString(1));
                        }
                    }
                    return actors;
                });
    }
}
