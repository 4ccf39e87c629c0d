package tw.straitcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import tw.straitcheck.system.EmbeddedDatabase;

/**
 * A database of its own on the tests' embedded PostgreSQL, for tests that publish rulebase
 * versions: what they publish would otherwise be in force for every later test on the shared one.
 */
public final class PolicyDatabases {

    private PolicyDatabases() {
    }

    /** The settings of a new, empty database (Flyway migrates it at the first start on it), owned by the application's role. */
    public static Map<String, Object> fresh() {
        Path dir = Path.of(System.getProperty("straitcheck.data-dir", "target/test-postgres"));
        EmbeddedDatabase.Connection app = EmbeddedDatabase.open(dir);
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(EmbeddedDatabase.CREDENTIALS_FILE))) {
            credentials.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String name = "policy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", credentials.getProperty("superuser.password"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + EmbeddedDatabase.APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", app.jdbcUrl().replaceFirst("/postgres$", "/" + name));
        settings.put("datasources.default.username", app.username());
        settings.put("datasources.default.password", app.password());
        return settings;
    }
}
