package tw.straitcheck.policy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a version published on any instance live here within seconds: a connection of its own
 * (not one of the pool's) LISTENs on {@link RulebaseVersions#CHANNEL}, which the publishing
 * transaction NOTIFYs on commit, and each announcement refreshes {@link LiveRulebases}. When the
 * connection is lost, the published versions are polled every second while it is opened again;
 * once it is back they are read once more, for what was published meanwhile.
 */
@Context
class PublishedListener {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedListener.class);
    /** How long one wait for an announcement lasts, and how often the fallback polls. */
    private static final int WAIT_MS = 1000;

    private final LiveRulebases live;
    private final String url;
    private final String username;
    private final String password;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean listening = new AtomicBoolean(false);
    private volatile Connection connection;
    private Thread thread;

    PublishedListener(LiveRulebases live, @Value("${datasources.default.url}") String url,
            @Value("${datasources.default.username:}") @Nullable String username,
            @Value("${datasources.default.password:}") @Nullable String password) {
        this.live = live;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::listen, "rulebase-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running.set(false);
        thread.interrupt();
        close();
    }

    /** Whether announcements are being received (false while the fallback polls). */
    boolean listening() {
        return listening.get();
    }

    private void listen() {
        while (running.get()) {
            try {
                connection = DriverManager.getConnection(url, username, password);
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + RulebaseVersions.CHANNEL);
                }
                if (!listening.getAndSet(true)) {
                    LOG.info("Listening for published rulebase versions");
                }
                live.refresh();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] announced = pg.getNotifications(WAIT_MS);
                    if (announced != null && announced.length > 0) {
                        live.refresh();
                    }
                }
            } catch (SQLException lost) {
                if (!running.get()) {
                    return;
                }
                if (listening.getAndSet(false)) {
                    LOG.warn("Lost the connection that listens for published rulebase versions ({}); polling until it is back",
                            lost.getMessage());
                }
                close();
                live.refresh();
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection that is already lost
            }
        }
    }
}
