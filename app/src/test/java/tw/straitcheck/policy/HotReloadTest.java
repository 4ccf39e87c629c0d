package tw.straitcheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.straitcheck.PolicyDatabases;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.Rulebase;

/**
 * Two instances on one database: a version published on one goes live on both without a restart
 * (LISTEN/NOTIFY), also after the listening connection was lost (polled meanwhile); a published
 * version that does not build leaves an instance on the version it had and says so in /health.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotReloadTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    /** Generous: building a rulebase takes seconds on an idle machine, much longer on a shared busy one. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(120);

    private EmbeddedServer first;
    private EmbeddedServer second;

    @BeforeAll
    void twoInstancesOnOneDatabase() {
        Map<String, Object> database = PolicyDatabases.fresh();
        first = PolicyTests.instance(database, TODAY.toString());
        second = PolicyTests.instance(database, TODAY.toString());
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    @Test
    @Order(1)
    void aVersionPublishedOnOneInstanceIsLiveOnBoth() {
        RuleFiles files = PolicyTests.relabelled(first.getApplicationContext().getBean(RuleFiles.class), "2026.12.1");
        long started = System.nanoTime();
        PolicyTests.publish(first.getApplicationContext(), files, TODAY);
        String version = tw.straitcheck.checking.RulebaseLoader.versionOf(files);
        awaitVersion(second, version);
        awaitVersion(first, version);
        System.out.printf("published version (never built before) live on both instances in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(2)
    void anApprovedVersionIsBuiltAheadOnEveryInstanceSoItsPublishingIsOnlyASwap() {
        RuleFiles files = PolicyTests.relabelled(first.getApplicationContext().getBean(RuleFiles.class), "2026.12.3");
        String version = tw.straitcheck.checking.RulebaseLoader.versionOf(files);
        long id = PolicyTests.approve(first.getApplicationContext(), files);
        await(() -> live(first).builtAhead(version).isPresent() && live(second).builtAhead(version).isPresent());
        Rulebase aheadOnSecond = live(second).builtAhead(version).orElseThrow();
        assertThat(engine(second).rulebaseOn(TODAY).version()).as("approved is not yet live").isNotEqualTo(version);

        long started = System.nanoTime();
        PolicyTests.publishApproved(first.getApplicationContext(), id, TODAY);
        awaitVersion(second, version);
        awaitVersion(first, version);
        System.out.printf("approved version, built ahead, published and live on both instances in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        assertThat(engine(second).rulebaseOn(TODAY)).as("the rulebase built ahead, not a second build").isSameAs(aheadOnSecond);
        assertThat(live(second).builtAhead(version)).as("published: live now, no longer kept ahead").isEmpty();
    }

    @Test
    @Order(3)
    void afterTheListeningConnectionIsLostTheNextVersionStillGoesLive() throws Exception {
        PublishedListener listener = second.getApplicationContext().getBean(PublishedListener.class);
        assertThat(listener.listening()).isTrue();
        try (Connection c = java.sql.DriverManager.getConnection(
                second.getApplicationContext().getRequiredProperty("datasources.default.url", String.class),
                second.getApplicationContext().getRequiredProperty("datasources.default.username", String.class),
                second.getApplicationContext().getRequiredProperty("datasources.default.password", String.class));
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'"
                    + " AND datname = current_database()");
        }
        RuleFiles files = PolicyTests.relabelled(first.getApplicationContext().getBean(RuleFiles.class), "2026.12.2");
        PolicyTests.publish(first.getApplicationContext(), files, TODAY);
        awaitVersion(second, tw.straitcheck.checking.RulebaseLoader.versionOf(files));
        await(listener::listening);
    }

    @Test
    @Order(4)
    void aVersionThatDoesNotBuildLeavesTheInstanceOnTheOneItHadAndHealthSaysSo() throws Exception {
        String before = engine(second).rulebaseOn(TODAY).version();
        Map<String, byte[]> broken = new TreeMap<>(first.getApplicationContext().getBean(RuleFiles.class).all());
        broken.put("derived/Broken.drl", "package tw.straitcheck.rules;\nrule \"x\" when NoSuchFact() then end\n"
                .getBytes(StandardCharsets.UTF_8));
        PolicyTests.publish(first.getApplicationContext(), RuleFiles.of("broken", broken), TODAY);
        LiveRulebases live = second.getApplicationContext().getBean(LiveRulebases.class);
        await(() -> live.failure().isPresent());
        assertThat(engine(second).rulebaseOn(TODAY).version()).isEqualTo(before);
        Api.Answer health = new Api(second.getURL()).get(null, "/health");
        assertThat(health.status()).as(health.body()).isEqualTo(503);
        LiveRulebasesHealth indicator = second.getApplicationContext().getBean(LiveRulebasesHealth.class);
        var result = reactor.core.publisher.Mono.from(indicator.getResult()).block();
        assertThat(result.getStatus().getName()).isEqualTo("DOWN");
        assertThat(result.getDetails().toString()).contains("failedVersion", "NoSuchFact");
    }

    private static LiveRulebases live(EmbeddedServer server) {
        return server.getApplicationContext().getBean(LiveRulebases.class);
    }

    private static CheckEngine engine(EmbeddedServer server) {
        return server.getApplicationContext().getBean(CheckEngine.class);
    }

    private static void awaitVersion(EmbeddedServer server, String version) {
        await(() -> engine(server).rulebaseOn(TODAY).version().equals(version));
    }

    private static void await(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + LIVE_WITHIN.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("not within " + LIVE_WITHIN).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

}
