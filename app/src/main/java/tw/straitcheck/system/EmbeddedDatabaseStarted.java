package tw.straitcheck.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * The datasource waits for the embedded PostgreSQL, which starts on a thread of its own while the
 * application context starts ({@link EmbeddedDatabaseConfigurer}): nothing connects before it is
 * up. With an external server configured there is nothing to wait for.
 */
@Singleton
final class EmbeddedDatabaseStarted implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        EmbeddedDatabase.awaitStarted(datasource.getUrl());
        return datasource;
    }
}
