package tw.straitcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.Verdict;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;

/**
 * The flags reviewers marked FALSE_POSITIVE, newest first, for the page that adds them to a draft;
 * and a reviewer's FALSE_POSITIVE mark turned into a case file (shared/spec/test-case-format.md): the
 * version's submission as filed, its {@code asOf}, and {@code absent: [that ruleId]}, with the
 * verdict the other findings of that version give. Added to a draft, the corpus learns the mistake:
 * the case fails until the draft's rules stop raising the flag.
 */
@Singleton
class FalsePositiveCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private final JdbcOperations jdbc;

    FalsePositiveCases(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The case file's name and text; in the caller's transaction. */
    record Case(String name, String yaml) {
    }

    /** A flag a reviewer marked FALSE_POSITIVE, as the false-positives page lists it. */
    record Marked(long findingId, String receipt, String ruleId, @Nullable String keyword, String by, Instant at,
            @Nullable String note) {
    }

    /** One page of the marks, newest first: {@code page} from 1, of {@code pages}, {@code total} in all. */
    record Marks(List<Marked> marks, int page, int pages, long total) {
    }

    Marks recent(int page, int size) {
        long total = jdbc.prepareStatement("SELECT count(*) FROM flag_mark WHERE state = 'FALSE_POSITIVE'",
                (PreparedStatement s) -> {
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.max(1, Math.min(page, pages));
        List<Marked> marks = jdbc.prepareStatement("SELECT f.id, r.receipt, f.rule_id, f.keyword, m.marked_by, m.marked_at, m.note"
                + " FROM flag_mark m JOIN finding f ON f.id = m.finding_id JOIN submission_record r ON r.id = f.record_id"
                + " WHERE m.state = 'FALSE_POSITIVE' ORDER BY m.marked_at DESC, f.id DESC LIMIT ? OFFSET ?",
                (PreparedStatement s) -> {
                    s.setInt(1, size);
                    s.setLong(2, (long) (shown - 1) * size);
                    List<Marked> found = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.add(new Marked(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
                        }
                    }
                    return found;
                });
        return new Marks(marks, shown, pages, total);
    }

    Case of(long findingId) {
        return jdbc.prepareStatement("SELECT f.rule_id, f.version_id, v.submitted, v.as_of, r.receipt, m.note"
                + " FROM finding f JOIN flag_mark m ON m.finding_id = f.id AND m.state = 'FALSE_POSITIVE'"
                + " JOIN submission_version v ON v.id = f.version_id JOIN submission_record r ON r.id = f.record_id"
                + " WHERE f.id = ?", (PreparedStatement s) -> {
                    s.setLong(1, findingId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw ApiException.notFound(Messages.of("page.drafts.refused.no-false-positive"));
                        }
                        String ruleId = rs.getString(1);
                        String receipt = rs.getString(5);
                        String note = rs.getString(6);
                        ObjectNode c = JSON.createObjectNode();
                        c.put("name", "FALSE_POSITIVE " + ruleId + " on " + receipt
                                + (note == null || note.isBlank() ? "" : ": " + note.strip()));
                        c.put("asOf", rs.getDate(4).toLocalDate().toString());
                        c.set("submission", read(rs.getString(3)));
                        ObjectNode expect = c.putObject("expect");
                        expect.put("verdict", verdictWithout(rs.getLong(2), ruleId).name());
                        expect.putArray("absent").add(ruleId);
                        String name = "false-positive-" + receipt + "-" + findingId + ".yaml";
                        return new Case(name.toLowerCase(java.util.Locale.ROOT), write(c));
                    }
                });
    }

    /** The verdict the version's other findings give, once the rule's findings are gone. */
    private Verdict verdictWithout(long versionId, String ruleId) {
        return Verdict.of(jdbc.prepareStatement("SELECT kind FROM finding WHERE version_id = ? AND rule_id <> ?",
                (PreparedStatement s) -> {
                    s.setLong(1, versionId);
                    s.setString(2, ruleId);
                    List<FindingKind> kinds = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            kinds.add(FindingKind.valueOf(rs.getString(1)));
                        }
                    }
                    return kinds;
                }));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
