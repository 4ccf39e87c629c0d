package tw.straitcheck.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One case of the corpus (shared/spec/test-case-format.md): a submission, the day it is checked
 * on, and what must come out.
 */
public record CaseFile(Path path, String name, LocalDate asOf, JsonNode submission, Expectation expect) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> VERDICTS = Set.of("COMPLIANT", "NEEDS_REVIEW", "NON_COMPLIANT", "INVALID");

    /** {@code verdict} is one of COMPLIANT, NEEDS_REVIEW, NON_COMPLIANT, INVALID. */
    public record Expectation(String verdict, List<ExpectedFinding> findings, List<String> absent, List<String> errors) {
    }

    /** {@code due} and {@code subject} are checked only when given. */
    public record ExpectedFinding(String ruleId, LocalDate due, String subject) {
        @Override
        public String toString() {
            return ruleId + (due == null ? "" : " due " + due) + (subject == null ? "" : " subject " + subject);
        }
    }

    /** Reads a case file; a file that does not follow the format is an error naming the file. */
    public static CaseFile read(Path path) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new IOException(path + ": not readable YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(path + ": a case is a YAML mapping with name, asOf, submission and expect");
        }
        String name = root.path("name").asText(path.getFileName().toString());
        LocalDate asOf = date(path, root.path("asOf"), "asOf");
        if (asOf == null) {
            throw new IOException(path + ": asOf is required (the check's today, YYYY-MM-DD)");
        }
        JsonNode submission = root.get("submission");
        if (submission == null || !submission.isObject()) {
            throw new IOException(path + ": submission is required");
        }
        JsonNode expect = root.path("expect");
        String verdict = expect.path("verdict").asText("");
        if (!VERDICTS.contains(verdict)) {
            throw new IOException(path + ": expect.verdict must be one of " + VERDICTS + ", was '" + verdict + "'");
        }
        List<ExpectedFinding> findings = new ArrayList<>();
        for (JsonNode f : expect.path("findings")) {
            String ruleId = f.isTextual() ? f.asText() : f.path("ruleId").asText("");
            if (ruleId.isBlank()) {
                throw new IOException(path + ": every expected finding needs a ruleId");
            }
            findings.add(new ExpectedFinding(ruleId, date(path, f.path("due"), "due"),
                    f.hasNonNull("subject") ? f.get("subject").asText() : null));
        }
        return new CaseFile(path, name, asOf, submission,
                new Expectation(verdict, List.copyOf(findings), texts(expect.path("absent")), texts(expect.path("errors"))));
    }

    private static LocalDate date(Path path, JsonNode node, String field) throws IOException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IOException(path + ": " + field + " is not a date YYYY-MM-DD: " + node.asText(), e);
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(n -> texts.add(n.asText()));
        return List.copyOf(texts);
    }
}
