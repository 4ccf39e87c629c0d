package tw.straitcheck.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run's embedded PostgreSQL, as a killed and restarted service meets it. */
class EmbeddedDatabaseTest {

    /** A separate JVM that opens the embedded database on a folder, writes a row, and waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase.Connection db = EmbeddedDatabase.open(Path.of(args[0]));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE accepted (receipt text)");
                s.execute("INSERT INTO accepted VALUES ('1151121-000001')");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    @Test
    void aServiceKilledOutrightLeavesItsDatabaseRunningAndTheNextStartTakesOverWithTheDataIntact(@TempDir Path dir)
            throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // startup log
            }
            assertThat(line).isEqualTo("READY");
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hook runs

        EmbeddedDatabase.Connection db = EmbeddedDatabase.open(dir);

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT receipt FROM accepted")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("1151121-000001");
            }
            try (ResultSet rs = s.executeQuery("SHOW fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
            try (ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        }
    }

    @Test
    void aNewDataFolderGetsRandomPasswordsKeptReadableByItsOwnerOnlyAndTheApplicationsRoleIsNoSuperuser(@TempDir Path dir)
            throws Exception {
        EmbeddedDatabase.Connection db = EmbeddedDatabase.open(dir);

        Path credentials = dir.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        assertThat(Files.getPosixFilePermissions(credentials)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(db.username()).isEqualTo(EmbeddedDatabase.APP_ROLE);
        assertThat(db.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(credentials)).contains(db.password());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            s.execute("CREATE TABLE mine (x int)"); // the role owns the schema: Flyway can migrate
        }
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.username(), "wrong").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aDataFolderMadeBeforePasswordsKeepsItsTablesNowOwnedByTheApplicationsRoleAndTrustIsSwitchedOff(@TempDir Path dir)
            throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
                Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accepted (id bigserial primary key, receipt text)");
            s.execute("INSERT INTO accepted (receipt) VALUES ('1151121-000001')");
            s.execute("CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42'");
        }
        assertThat(dir.resolve(EmbeddedDatabase.CREDENTIALS_FILE)).doesNotExist();

        EmbeddedDatabase.Connection db = EmbeddedDatabase.open(dir);

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO accepted (receipt) VALUES ('1151121-000002')");
            s.execute("ALTER TABLE accepted ADD COLUMN note text"); // as Flyway's next migration would
            try (ResultSet rs = s.executeQuery("SELECT count(*), answer() FROM accepted")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getInt(2)).isEqualTo(42);
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                .isInstanceOf(SQLException.class);
    }
}
