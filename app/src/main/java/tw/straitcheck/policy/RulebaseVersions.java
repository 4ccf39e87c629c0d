package tw.straitcheck.policy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tw.straitcheck.checking.RuleFiles;

/**
 * The rulebase versions kept in PostgreSQL ({@code rulebase_version}, {@code rulebase_file}): each
 * the whole content of rules/. Every method runs in the caller's transaction.
 */
@Singleton
class RulebaseVersions {

    /** The channel a published version is announced on, to every running instance. */
    static final String CHANNEL = "rulebase_published";

    private static final String COLUMNS = "id, version, state, based_on, rollback_of, effective_from, author, reason,"
            + " created_at, approved_by, approved_at, published_by, published_at";

    private final JdbcOperations jdbc;

    RulebaseVersions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new version is made of, besides its files. */
    record New(VersionState state, Long basedOn, Long rollbackOf, LocalDate effectiveFrom, String author, String reason) {
    }

    long insert(New v, String version, RuleFiles files, Instant now) {
        long id = jdbc.prepareStatement("INSERT INTO rulebase_version (version, state, based_on, rollback_of,"
                + " effective_from, author, reason, created_at, published_by, published_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", (PreparedStatement s) -> {
                    s.setString(1, version);
                    s.setString(2, v.state().name());
                    setLong(s, 3, v.basedOn());
                    setLong(s, 4, v.rollbackOf());
                    s.setDate(5, v.effectiveFrom() == null ? null : Date.valueOf(v.effectiveFrom()));
                    s.setString(6, v.author());
                    s.setString(7, v.reason());
                    s.setTimestamp(8, Timestamp.from(now));
                    boolean published = v.state() == VersionState.PUBLISHED;
                    s.setString(9, published ? v.author() : null);
                    s.setTimestamp(10, published ? Timestamp.from(now) : null);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        files.all().forEach((path, content) -> putFile(id, path, content));
        return id;
    }

    void putFile(long id, String path, byte[] content) {
        jdbc.prepareStatement("INSERT INTO rulebase_file (version_id, path, content) VALUES (?, ?, ?)"
                + " ON CONFLICT (version_id, path) DO UPDATE SET content = excluded.content", (PreparedStatement s) -> {
                    s.setLong(1, id);
                    s.setString(2, path);
                    s.setBytes(3, content);
                    return s.executeUpdate();
                });
    }

    void deleteFile(long id, String path) {
        jdbc.prepareStatement("DELETE FROM rulebase_file WHERE version_id = ? AND path = ?", (PreparedStatement s) -> {
            s.setLong(1, id);
            s.setString(2, path);
            return s.executeUpdate();
        });
    }

    RuleFiles files(long id) {
        Map<String, byte[]> files = jdbc.prepareStatement(
                "SELECT path, content FROM rulebase_file WHERE version_id = ? ORDER BY path", (PreparedStatement s) -> {
                    s.setLong(1, id);
                    Map<String, byte[]> read = new TreeMap<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            read.put(rs.getString(1), rs.getBytes(2));
                        }
                    }
                    return read;
                });
        return RuleFiles.of("rulebase version " + id, files);
    }

    Optional<RulebaseVersion> find(long id) {
        return first(query("SELECT " + COLUMNS + " FROM rulebase_version WHERE id = ?", id));
    }

    /** The version, locked until the transaction ends: steps on one version are one after the other. */
    Optional<RulebaseVersion> lock(long id) {
        return first(query("SELECT " + COLUMNS + " FROM rulebase_version WHERE id = ? FOR UPDATE", id));
    }

    /** Every version, newest first. */
    List<RulebaseVersion> all() {
        return query("SELECT " + COLUMNS + " FROM rulebase_version ORDER BY id DESC", null);
    }

    /** The published versions, in the order they take effect (the same day: the later published last). */
    List<RulebaseVersion> published() {
        return query("SELECT " + COLUMNS + " FROM rulebase_version WHERE state = 'PUBLISHED'"
                + " ORDER BY effective_from ASC NULLS FIRST, published_at ASC, id ASC", null);
    }

    /** The approved versions, not yet published: built ahead on every instance. */
    List<RulebaseVersion> approved() {
        return query("SELECT " + COLUMNS + " FROM rulebase_version WHERE state = 'APPROVED' ORDER BY id", null);
    }

    /** A version that was published (live now or retired) with this version string: the one a stored verdict names. */
    Optional<RulebaseVersion> publishedAs(String version) {
        return first(jdbc.prepareStatement("SELECT " + COLUMNS + " FROM rulebase_version WHERE version = ?"
                + " AND state IN ('PUBLISHED', 'RETIRED') ORDER BY id LIMIT 1", (PreparedStatement s) -> {
                    s.setString(1, version);
                    return read(s);
                }));
    }

    boolean anyWithVersion(String version) {
        return jdbc.prepareStatement("SELECT 1 FROM rulebase_version WHERE version = ?", (PreparedStatement s) -> {
            s.setString(1, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    boolean publishedNow(String version) {
        return jdbc.prepareStatement("SELECT 1 FROM rulebase_version WHERE version = ? AND state = 'PUBLISHED'",
                (PreparedStatement s) -> {
                    s.setString(1, version);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    boolean isEmpty() {
        return jdbc.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM rulebase_version)", (PreparedStatement s) -> {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** One start at a time decides whether to seed: two instances starting together on an empty database seed once. */
    void lockSeeding() {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('rulebase_version seed'))", PreparedStatement::execute);
    }

    void edited(long id, String version) {
        update("UPDATE rulebase_version SET version = ? WHERE id = ?", s -> {
            s.setString(1, version);
            s.setLong(2, id);
        });
    }

    /**
     * Approves the version and announces it on {@link #CHANNEL} when the transaction commits: every
     * instance builds an approved version ahead, so that its publishing is only a swap.
     */
    void approve(long id, String by, Instant at) {
        update("UPDATE rulebase_version SET state = 'APPROVED', approved_by = ?, approved_at = ? WHERE id = ?", s -> {
            s.setString(1, by);
            s.setTimestamp(2, Timestamp.from(at));
            s.setLong(3, id);
        });
        announce(id);
    }

    private void announce(long id) {
        jdbc.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)", (PreparedStatement s) -> {
            s.setString(1, Long.toString(id));
            return s.execute();
        });
    }

    /**
     * Publishes the version from {@code effectiveFrom} on and retires every published version that
     * would take effect on or after that day (the new one replaces them); announces it on {@link #CHANNEL}
     * when the transaction commits.
     */
    void publish(long id, String by, Instant at, LocalDate effectiveFrom) {
        update("UPDATE rulebase_version SET state = 'RETIRED' WHERE state = 'PUBLISHED' AND id <> ?"
                + " AND (CAST(? AS date) IS NULL OR effective_from IS NOT NULL AND effective_from >= ?)", s -> {
                    s.setLong(1, id);
                    Date day = effectiveFrom == null ? null : Date.valueOf(effectiveFrom);
                    s.setDate(2, day);
                    s.setDate(3, day);
                });
        update("UPDATE rulebase_version SET state = 'PUBLISHED', effective_from = ?, published_by = ?, published_at = ?"
                + " WHERE id = ?", s -> {
                    s.setDate(1, effectiveFrom == null ? null : Date.valueOf(effectiveFrom));
                    s.setString(2, by);
                    s.setTimestamp(3, Timestamp.from(at));
                    s.setLong(4, id);
                });
        announce(id);
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        jdbc.prepareStatement(sql, (PreparedStatement s) -> {
            binder.bind(s);
            return s.executeUpdate();
        });
    }

    private List<RulebaseVersion> query(String sql, Long id) {
        return jdbc.prepareStatement(sql, (PreparedStatement s) -> {
            if (id != null) {
                s.setLong(1, id);
            }
            return read(s);
        });
    }

    private static List<RulebaseVersion> read(PreparedStatement s) throws SQLException {
        List<RulebaseVersion> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Date effective = rs.getDate("effective_from");
                found.add(new RulebaseVersion(rs.getLong("id"), rs.getString("version"),
                        VersionState.valueOf(rs.getString("state")), nullableLong(rs, "based_on"),
                        nullableLong(rs, "rollback_of"), effective == null ? null : effective.toLocalDate(),
                        rs.getString("author"), rs.getString("reason"), instant(rs, "created_at"),
                        rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("published_by"),
                        instant(rs, "published_at")));
            }
        }
        return found;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
