package tw.straitcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.checking.CheckResult;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionJson;
import tw.straitcheck.submission.SubmissionReader;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;

/**
 * Replays a stored verdict: the record's latest version checked again, as it was checked when it
 * was filed (the same submission, the registration as it then stood for a change notice, the same
 * {@code asOf}), with the rulebase version it recorded or another. With its own version the
 * findings come out identical, as JSON, to those stored; with another, each finding that would be
 * added, removed or changed is listed with the rule that raises it.
 *
 * <p>Versions whose check read facts of other records (a subsidy application's history, a
 * post-activity report's and a results report's record) are not replayed: those facts as they
 * stood on the day are not kept with the version.
 */
@Singleton
public class Replays {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final RulebaseVersions versions;
    private final LiveRulebases live;
    private final JsonMapper jsonMapper;

    Replays(JdbcOperations jdbc, TransactionOperations<Connection> transactions, RulebaseVersions versions,
            LiveRulebases live, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.versions = versions;
        this.live = live;
        this.jsonMapper = jsonMapper;
    }

    /** One finding that differs: ADDED or REMOVED by the replay, or CHANGED (due, subject, evidence…). */
    @Serdeable
    public record FindingChange(String change, String ruleId, @Nullable JsonNode stored, @Nullable JsonNode replayed) {
    }

    @Serdeable
    public record Replay(String receipt, int version, LocalDate asOf, String storedRulebaseVersion,
            String replayedRulebaseVersion, String storedVerdict, String replayedVerdict, boolean identical,
            List<FindingChange> changes) {
    }

    record Stored(int number, String kind, String submitted, @Nullable String registration, LocalDate asOf,
            String rulebaseVersion, String verdict, JsonNode findings) {
    }

    /** Replays the record's latest version with the rulebase version named (null: the one it recorded). */
    public Replay replay(String receipt, @Nullable String rulebaseVersion) {
        Stored stored = transactions.executeRead(s -> latest(receipt));
        String wanted = rulebaseVersion == null || rulebaseVersion.isBlank() ? stored.rulebaseVersion() : rulebaseVersion.strip();
        RulebaseVersion version = transactions.executeRead(s -> versions.publishedAs(wanted))
                .orElseThrow(Drafts::noVersion);
        CheckResult result = new CheckEngine(live.rulebase(version)).check(SubmissionFacts.of(checked(stored), stored.asOf()));
        JsonNode replayed = findings(jsonMapper, result);
        List<FindingChange> changes = differences(stored.findings(), replayed);
        return new Replay(receipt, stored.number(), stored.asOf(), stored.rulebaseVersion(), result.rulebaseVersion(),
                stored.verdict(), result.verdict().name(), changes.isEmpty() && stored.findings().equals(replayed), changes);
    }

    /**
     * Whether a version of this kind can be checked again from what is kept with it: not those whose
     * check read facts of other records (a subsidy application, a post-activity or results report).
     */
    static boolean replayable(String kind) {
        return switch (kind) {
            case "REGISTRATION", "ANNOUNCEMENT", "RESUBMISSION", "CHANGE" -> true;
            default -> false;
        };
    }

    /** A record's version waiting to be checked again: the record's id (the page key) and receipt. */
    record Pending(long recordId, String receipt, Stored stored) {
    }

    /**
     * A page of records, by id after {@code afterId}, each with the latest version that judges it
     * (not a post-activity or results report): those whose activity has not ended before
     * {@code today} (or has no end), or every one with {@code all}. Read by key, never all at once.
     */
    List<Pending> page(long afterId, int limit, boolean all, LocalDate today) {
        return jdbc.prepareStatement("SELECT r.id, r.receipt, v.number, v.kind, v.submitted, v.registration, v.as_of,"
                + " v.rulebase_version, v.verdict FROM submission_record r JOIN LATERAL (SELECT * FROM submission_version x"
                + " WHERE x.record_id = r.id AND x.kind NOT IN ('POST_ACTIVITY_REPORT', 'RESULTS_REPORT')"
                + " ORDER BY x.number DESC LIMIT 1) v ON true"
                + " WHERE r.id > ? AND (? OR r.activity_end IS NULL OR r.activity_end >= ?) ORDER BY r.id LIMIT ?",
                (PreparedStatement s) -> {
                    s.setLong(1, afterId);
                    s.setBoolean(2, all);
                    s.setObject(3, today);
                    s.setInt(4, limit);
                    List<Pending> page = new ArrayList<>(limit);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            page.add(new Pending(rs.getLong(1), rs.getString(2), new Stored(rs.getInt(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8),
                                    rs.getString(9), JSON.nullNode())));
                        }
                    }
                    return page;
                });
    }

    /** How many records {@link #page} goes through. */
    long count(boolean all, LocalDate today) {
        return jdbc.prepareStatement("SELECT count(*) FROM submission_record r"
                + " WHERE (? OR r.activity_end IS NULL OR r.activity_end >= ?)", (PreparedStatement s) -> {
                    s.setBoolean(1, all);
                    s.setObject(2, today);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    /** What the filing checked: the submission, or for a change notice the registration as changed. */
    static Submission checked(Stored stored) {
        Submission submission = SubmissionReader.read(read(stored.submitted())).orRefuse();
        return switch (stored.kind()) {
            case "REGISTRATION", "ANNOUNCEMENT", "RESUBMISSION" -> submission;
            case "CHANGE" -> {
                Submission.Change change = (Submission.Change) submission;
                yield new Submission.Change(change.registrationId(), change.changeOccurredOn(),
                        Submission.RegistrationChanges.whole(SubmissionJson.readRegistration(stored.registration())),
                        change.reason());
            }
            default -> throw ApiException.of(HttpStatus.CONFLICT, Messages.of("page.drafts.refused.replay-kind", stored.kind()));
        };
    }

    private Stored latest(String receipt) {
        return jdbc.prepareStatement("SELECT v.id, v.number, v.kind, v.submitted, v.registration, v.as_of,"
                + " v.rulebase_version, v.verdict FROM submission_version v JOIN submission_record r ON r.id = v.record_id"
                + " WHERE r.receipt = ? ORDER BY v.number DESC LIMIT 1", (PreparedStatement s) -> {
                    s.setString(1, receipt);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw ApiException.noRecord();
                        }
                        return new Stored(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8), storedFindings(rs.getLong(1)));
                    }
                });
    }

    /** The version's findings as stored, in the order the check reported them. */
    private JsonNode storedFindings(long versionId) {
        return jdbc.prepareStatement("SELECT body FROM finding WHERE version_id = ? ORDER BY id", (PreparedStatement s) -> {
            s.setLong(1, versionId);
            ArrayNode findings = JSON.createArrayNode();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    findings.add(read(rs.getString(1)));
                }
            }
            return findings;
        });
    }

    /** The findings as the service writes them, read back as the store keeps them. */
    public static JsonNode findings(JsonMapper jsonMapper, CheckResult result) {
        try {
            return read(jsonMapper.writeValueAsString(result)).path("findings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each finding added, removed or changed from {@code stored} to {@code replayed}, with its rule. */
    public static List<FindingChange> differences(JsonNode stored, JsonNode replayed) {
        Map<String, JsonNode> before = byIdentity(stored);
        Map<String, JsonNode> after = byIdentity(replayed);
        List<FindingChange> changes = new ArrayList<>();
        before.forEach((key, finding) -> {
            JsonNode now = after.get(key);
            if (now == null) {
                changes.add(new FindingChange("REMOVED", finding.path("ruleId").asText(), finding, null));
            } else if (!now.equals(finding)) {
                changes.add(new FindingChange("CHANGED", finding.path("ruleId").asText(), finding, now));
            }
        });
        after.forEach((key, finding) -> {
            if (!before.containsKey(key)) {
                changes.add(new FindingChange("ADDED", finding.path("ruleId").asText(), null, finding));
            }
        });
        return changes;
    }

    /** A finding is the same finding when its rule and subject are (its due date or evidence may change). */
    private static Map<String, JsonNode> byIdentity(JsonNode findings) {
        Map<String, JsonNode> by = new LinkedHashMap<>();
        if (findings instanceof ArrayNode array) {
            for (JsonNode f : array) {
                String key = f.path("ruleId").asText() + "\u0000" + Objects.toString(f.path("subject").asText(null), "");
                by.merge(key, f, (a, b) -> a);
            }
        }
        return by;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
