package tw.straitcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import tw.straitcheck.checking.FindingKind;
import tw.straitcheck.checking.Verdict;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;

/**
 * A reviewer's FALSE_POSITIVE mark turned into a case file (shared/spec/test-case-format.md): the
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
