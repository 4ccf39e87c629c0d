package tw.straitcheck.policy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import tw.straitcheck.PolicyDatabases;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.RulebaseLoader;

/** Helpers of the policy tests: an instance on a database of its own, and versions published straight in the store. */
final class PolicyTests {

    private PolicyTests() {
    }

    /** A running instance on the given database settings, with "today" fixed. */
    static EmbeddedServer instance(Map<String, Object> database, String today) {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("straitcheck.test.today", today);
        settings.put("micronaut.server.port", -1);
        settings.put("straitcheck.mail.reminders.enabled", false);
        settings.put("straitcheck.mail.outbox.scheduled", false);
        return ApplicationContext.run(EmbeddedServer.class, settings, "test");
    }

    static EmbeddedServer freshInstance(String today) {
        return instance(PolicyDatabases.fresh(), today);
    }

    /** The packaged rules with another release label: a new version string, the same rules. */
    static RuleFiles relabelled(RuleFiles packaged, String release) {
        Map<String, byte[]> files = new TreeMap<>(packaged.all());
        String manifest = new String(files.get("rulebase.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^release: .*$", "release: " + release);
        files.put("rulebase.yaml", manifest.getBytes(StandardCharsets.UTF_8));
        return RuleFiles.of("test " + release, files);
    }

    /** Stores the files as a draft and approves it (announced, as {@code Drafts.approve} does); answers its id. */
    static long approve(ApplicationContext context, RuleFiles files) {
        RulebaseVersions versions = context.getBean(RulebaseVersions.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeWrite(status -> {
            long id = versions.insert(new RulebaseVersions.New(VersionState.DRAFT, null, null, null, "author@moe.gov.tw",
                    "test"), RulebaseLoader.versionOf(files), files, Instant.now());
            versions.approve(id, "approver@moe.gov.tw", Instant.now());
            return id;
        });
    }

    /** Publishes an approved version from the day on. */
    static void publishApproved(ApplicationContext context, long id, LocalDate effectiveFrom) {
        RulebaseVersions versions = context.getBean(RulebaseVersions.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            versions.publish(id, "publisher@moe.gov.tw", Instant.now(), effectiveFrom);
            return null;
        });
    }

    /** Stores the files as a version and publishes it from the day (approval is tested elsewhere). */
    static long publish(ApplicationContext context, RuleFiles files, LocalDate effectiveFrom) {
        RulebaseVersions versions = context.getBean(RulebaseVersions.class);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        return tx.executeWrite(status -> {
            long id = versions.insert(new RulebaseVersions.New(VersionState.APPROVED, null, null, null, "author@moe.gov.tw",
                    "test"), RulebaseLoader.versionOf(files), files, Instant.now());
            versions.publish(id, "publisher@moe.gov.tw", Instant.now(), effectiveFrom);
            return id;
        });
    }
}
