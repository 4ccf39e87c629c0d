package tw.straitcheck.system;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Points the default datasource at the embedded PostgreSQL unless an external server is
 * configured ({@code DATASOURCES_DEFAULT_URL}, or the property {@code datasources.default.url}).
 * The embedded data folder is {@code STRAITCHECK_DATA_DIR} (property {@code straitcheck.data-dir}),
 * by default {@code ./data/postgres}; the application connects as its own role, with the password
 * kept in that folder ({@link EmbeddedDatabase}).
 */
@ContextConfigurer
public final class EmbeddedDatabaseConfigurer implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (setting("DATASOURCES_DEFAULT_URL", "datasources.default.url") != null) {
            return;
        }
        String dataDir = setting("STRAITCHECK_DATA_DIR", "straitcheck.data-dir");
        // started beside the application's own start; the datasource waits for it (EmbeddedDatabaseStarted)
        EmbeddedDatabase.Connection connection = EmbeddedDatabase.openInBackground(Path.of(dataDir == null ? "data/postgres" : dataDir));
        builder.properties(Map.of(
                "datasources.default.url", connection.jdbcUrl(),
                "datasources.default.username", connection.username(),
                "datasources.default.password", connection.password()));
    }

    private static String setting(String environmentVariable, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
