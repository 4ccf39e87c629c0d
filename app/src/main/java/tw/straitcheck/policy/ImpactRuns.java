package tw.straitcheck.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The impact runs kept in PostgreSQL ({@code impact_run}, {@code impact_changed}, V20), so that
 * every instance shows a draft's last run. A run is only ever moved out of RUNNING by a statement
 * that asks it to be RUNNING still: whichever of finished, failed, cancelled or interrupted comes
 * first wins, and the others change nothing. Every method runs in the caller's transaction; the
 * heartbeat is database time, the same on every instance.
 */
@Singleton
class ImpactRuns {

    /** The failure of a run whose instance stopped (a restart, a crash) before it ended. */
    static final String INTERRUPTED = "interrupted";

    private static final String COLUMNS = "id, run_id, draft_id, state, all_records, today, done, total, draft_version,"
            + " in_force_version, started_at, finished_at, failure, summary";

    private final JdbcOperations jdbc;

    ImpactRuns(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A run as stored (its key orders the runs; its id is the API's runId); its summary is the JSON of {@link Impact.Summary}. */
    record StoredRun(long key, UUID id, long draftId, Impact.State state, boolean all, LocalDate today, long done, long total,
            @Nullable String draftVersion, @Nullable String inForceVersion, Instant startedAt,
            @Nullable Instant finishedAt, @Nullable String failure, @Nullable String summary) {
    }

    /** Stores a new RUNNING run; false when one runs for the draft already (on any instance). */
    boolean insert(UUID id, long draftId, boolean all, LocalDate today, Instant startedAt, UUID instance) {
        return jdbc.prepareStatement("INSERT INTO impact_run (run_id, draft_id, state, all_records, today, started_at,"
                + " instance_id, heartbeat_at) VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, now())"
                + " ON CONFLICT (draft_id) WHERE state = 'RUNNING' DO NOTHING", (PreparedStatement s) -> {
                    s.setObject(1, id);
                    s.setLong(2, draftId);
                    s.setBoolean(3, all);
                    s.setDate(4, Date.valueOf(today));
                    s.setTimestamp(5, Timestamp.from(startedAt));
                    s.setObject(6, instance);
                    return s.executeUpdate() == 1;
                });
    }

    /** The versions compared and how many records the run goes through, once it knows them. */
    boolean versions(UUID id, String draftVersion, String inForceVersion, long total) {
        return jdbc.prepareStatement("UPDATE impact_run SET draft_version = ?, in_force_version = ?, total = ?,"
                + " heartbeat_at = now() WHERE run_id = ? AND state = 'RUNNING'", (PreparedStatement s) -> {
                    s.setString(1, draftVersion);
                    s.setString(2, inForceVersion);
                    s.setLong(3, total);
                    s.setObject(4, id);
                    return s.executeUpdate() == 1;
                });
    }

    /** The run's progress and heartbeat; false when it is no longer RUNNING (cancelled, or found interrupted). */
    boolean progress(UUID id, long done) {
        return jdbc.prepareStatement("UPDATE impact_run SET done = ?, heartbeat_at = now()"
                + " WHERE run_id = ? AND state = 'RUNNING'", (PreparedStatement s) -> {
                    s.setLong(1, done);
                    s.setObject(2, id);
                    return s.executeUpdate() == 1;
                });
    }

    /** Marks the run DONE with its summary; false when it was no longer RUNNING (then nothing is written). */
    boolean finish(UUID id, long done, long total, String summary, Instant at) {
        return jdbc.prepareStatement("UPDATE impact_run SET state = 'DONE', done = ?, total = ?, summary = ?::jsonb,"
                + " finished_at = ?, heartbeat_at = now() WHERE run_id = ? AND state = 'RUNNING'", (PreparedStatement s) -> {
                    s.setLong(1, done);
                    s.setLong(2, total);
                    s.setString(3, summary);
                    s.setTimestamp(4, Timestamp.from(at));
                    s.setObject(5, id);
                    return s.executeUpdate() == 1;
                });
    }

    /** A changed record of a finished run, each its receipt and the JSON of {@link SideBySide.Changed}. */
    record ChangedRow(String receipt, String changed) {
    }

    /** The changed records of a run, numbered from 0 in the order given. */
    void insertChanged(UUID id, List<ChangedRow> rows) {
        jdbc.prepareStatement("INSERT INTO impact_changed (run_id, ordinal, receipt, changed)"
                + " SELECT id, ?, ?, ?::jsonb FROM impact_run WHERE run_id = ?", (PreparedStatement s) -> {
                    for (int i = 0; i < rows.size(); i++) {
                        s.setInt(1, i);
                        s.setString(2, rows.get(i).receipt());
                        s.setString(3, rows.get(i).changed());
                        s.setObject(4, id);
                        s.addBatch();
                        if (i % 500 == 499) {
                            s.executeBatch();
                        }
                    }
                    s.executeBatch();
                    return null;
                });
    }

    /** Marks the run FAILED; false when it was no longer RUNNING. */
    boolean fail(UUID id, String failure, Instant at) {
        return jdbc.prepareStatement("UPDATE impact_run SET state = 'FAILED', failure = ?, finished_at = ?"
                + " WHERE run_id = ? AND state = 'RUNNING'", (PreparedStatement s) -> {
                    s.setString(1, failure);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setObject(3, id);
                    return s.executeUpdate() == 1;
                });
    }

    /** Cancels the draft's running run, whichever instance runs it; answers its id, or empty when none was running. */
    Optional<UUID> cancel(long draftId, Instant at) {
        return jdbc.prepareStatement("UPDATE impact_run SET state = 'CANCELLED', finished_at = ?"
                + " WHERE draft_id = ? AND state = 'RUNNING' RETURNING run_id", (PreparedStatement s) -> {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setLong(2, draftId);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                    }
                });
    }

    /** Marks FAILED ({@link #INTERRUPTED}) every RUNNING run whose heartbeat is older than {@code silent}; answers how many. */
    int interruptSilent(Duration silent, Instant at) {
        return jdbc.prepareStatement("UPDATE impact_run SET state = 'FAILED', failure = ?, finished_at = ?"
                + " WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ?)", (PreparedStatement s) -> {
                    s.setString(1, INTERRUPTED);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setDouble(3, silent.toMillis() / 1000.0);
                    return s.executeUpdate();
                });
    }

    /** Marks FAILED ({@link #INTERRUPTED}) the runs this instance still runs: it is stopping. */
    int interruptInstance(UUID instance, Instant at) {
        return jdbc.prepareStatement("UPDATE impact_run SET state = 'FAILED', failure = ?, finished_at = ?"
                + " WHERE state = 'RUNNING' AND instance_id = ?", (PreparedStatement s) -> {
                    s.setString(1, INTERRUPTED);
                    s.setTimestamp(2, Timestamp.from(at));
                    s.setObject(3, instance);
                    return s.executeUpdate();
                });
    }

    /** The draft's last run, whichever instance ran it. */
    Optional<StoredRun> last(long draftId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM impact_run WHERE draft_id = ?"
                + " ORDER BY id DESC LIMIT 1", (PreparedStatement s) -> {
                    s.setLong(1, draftId);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                    }
                });
    }

    /** A page of the run's changed records, as JSON, in their order. */
    List<String> changed(long key, int offset, int limit) {
        return jdbc.prepareStatement("SELECT changed FROM impact_changed WHERE run_id = ? AND ordinal >= ?"
                + " ORDER BY ordinal LIMIT ?", (PreparedStatement s) -> {
                    s.setLong(1, key);
                    s.setInt(2, offset);
                    s.setInt(3, limit);
                    List<String> page = new ArrayList<>(limit);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            page.add(rs.getString(1));
                        }
                    }
                    return page;
                });
    }

    private static StoredRun row(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new StoredRun(rs.getLong("id"), rs.getObject("run_id", UUID.class), rs.getLong("draft_id"),
                Impact.State.valueOf(rs.getString("state")), rs.getBoolean("all_records"),
                rs.getDate("today").toLocalDate(), rs.getLong("done"), rs.getLong("total"), rs.getString("draft_version"),
                rs.getString("in_force_version"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("failure"), rs.getString("summary"));
    }
}
