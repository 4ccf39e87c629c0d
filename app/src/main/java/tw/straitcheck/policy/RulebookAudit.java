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
import java.util.Locale;
import tw.straitcheck.system.Localized;

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

    /**
     * One step. {@code what} and {@code why} are in English (a person's reason as typed);
     * {@code whatZh} and {@code whyZh} the same in zh-TW, where the entry has them.
     */
    @Serdeable
    record Entry(long id, Instant at, String actor, String action, @Nullable Long versionId, @Nullable String version,
            String what, String why, @Nullable String whatZh, @Nullable String whyZh) {

        /** What was done, in the page's language where the entry has it. */
        public String what(Locale locale) {
            return zh(locale) && whatZh != null ? whatZh : what;
        }

        public String why(Locale locale) {
            return zh(locale) && whyZh != null ? whyZh : why;
        }

        private static boolean zh(Locale locale) {
            return "zh".equals(locale.getLanguage());
        }
    }

    private final JdbcOperations jdbc;

    RulebookAudit(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a person's step, with their reason as typed; in the caller's transaction, so a step that is rolled back leaves no entry. */
    void append(Instant at, String actor, Action action, RulebaseVersion version, Localized what, String why) {
        append(at, actor, action, version, what, new Localized(why, why));
    }

    /** Appends a step whose reason the service gives, in both languages. */
    void append(Instant at, String actor, Action action, RulebaseVersion version, Localized what, Localized why) {
        jdbc.prepareStatement("INSERT INTO rulebook_audit (at, actor, action, version_id, version, what, why, what_zh, why_zh)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (PreparedStatement s) -> {
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
                    s.setString(6, what.en());
                    s.setString(7, why.en());
                    s.setString(8, what.zh());
                    s.setString(9, why.zh());
                    return s.executeUpdate();
                });
    }

    /** The latest entries first. */
    List<Entry> latest(int limit) {
        return jdbc.prepareStatement("SELECT id, at, actor, action, version_id, version, what, why, what_zh, why_zh FROM rulebook_audit"
                + " ORDER BY id DESC LIMIT ?", (PreparedStatement s) -> {
                    s.setInt(1, limit);
                    List<Entry> entries = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long versionId = rs.getLong("version_id");
                            entries.add(new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                                    rs.getString("actor"), rs.getString("action"), rs.wasNull() ? null : versionId,
                                    rs.getString("version"), rs.getString("what"), rs.getString("why"),
                                    rs.getString("what_zh"), rs.getString("why_zh")));
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
