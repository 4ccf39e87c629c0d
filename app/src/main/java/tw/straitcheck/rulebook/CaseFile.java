package tw.straitcheck.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One case of the corpus (shared/spec/test-case-format.md): a submission, the day it is checked
 * on, and what must come out. The submission is given in full ({@code submission:}) or as a named
 * baseline of the corpus's {@code baselines/} folder with the fields this case changes
 * ({@code baseline:} and {@code with:}, merged as {@link #merge} describes); {@link #submission()}
 * is always the whole submission. {@code history} becomes facts (HistoryFacts) that the subsidy rules read.
 */
public record CaseFile(Path path, String name, LocalDate asOf, String baseline, JsonNode submission,
        Expectation expect, List<HistoryEntry> history) {

    /** The folder of named baseline submissions, found by looking upward from a case or folder. */
    public static final String BASELINES = "baselines";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> VERDICTS = Set.of("COMPLIANT", "NEEDS_REVIEW", "NON_COMPLIANT", "INVALID");
    private static final Set<String> KEYS = Set.of("name", "asOf", "submission", "baseline", "with", "expect", "history");
    private static final Pattern BASELINE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PATH_SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

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

    /** One stored record of the case's applicant or school (test-case-format.md, {@code history:}). */
    public record HistoryEntry(HistoryType type, String receipt, HistoryStatus status, LocalDate decidedOn,
            ActivityKind activityKind, Period activityPeriod, String subsidyId, LocalDate filedOn,
            BigDecimal executionRate, Boolean notEligibleNextYear) {
    }

    public enum HistoryType { SUBSIDY_APPLICATION, RESULTS_REPORT, EXCHANGE_ACTIVITY, CHANGE, POST_ACTIVITY_REPORT, ANNOUNCEMENT }

    public enum HistoryStatus { APPROVED, REJECTED, RETURNED, IN_REVIEW, ACCEPTED, WITHDRAWN }

    /** {@code activityKind} of a subsidy application (submission.md). */
    public enum ActivityKind { SEMINAR, FORUM, COMPETITION_OR_STUDY, OTHER }

    private static final Set<String> HISTORY_KEYS = Set.of("type", "receipt", "status", "decidedOn", "activityKind",
            "activityPeriod", "subsidyId", "filedOn", "executionRate", "notEligibleNextYear");

    public record Period(LocalDate start, LocalDate end) {
    }

    /**
     * The named baseline submissions of one corpus: {@code baselines/<name>.yaml}, each file a whole
     * submission. Read once each.
     */
    public static final class Baselines {
        private final Path folder;
        private final Map<String, ObjectNode> read = new HashMap<>();

        private Baselines(Path folder) {
            this.folder = folder;
        }

        /** The {@code baselines/} folder in {@code start} or the nearest folder above it; none found is allowed until a case names a baseline. */
        public static Baselines near(Path start) {
            Path dir = start.toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                dir = dir.getParent();
            }
            for (; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(BASELINES))) {
                    return new Baselines(dir.resolve(BASELINES));
                }
            }
            return new Baselines(null);
        }

        /** The baselines in exactly this folder. */
        public static Baselines in(Path folder) {
            return new Baselines(folder);
        }

        /** A copy of the named baseline submission; an unknown name is an error naming the folder. */
        public synchronized ObjectNode get(String name) throws IOException {
            if (!BASELINE_NAME.matcher(name).matches()) {
                throw new IOException("baseline '" + name + "' is not a baseline name (lower case, digits and -)");
            }
            if (folder == null) {
                throw new IOException("baseline '" + name + "' cannot be found: no " + BASELINES + "/ folder here or above");
            }
            ObjectNode baseline = read.get(name);
            if (baseline == null) {
                Path file = folder.resolve(name + ".yaml");
                if (!Files.isRegularFile(file)) {
                    throw new IOException("no baseline '" + name + "': " + file + " does not exist");
                }
                JsonNode root;
                try {
                    root = YAML.readTree(file.toFile());
                } catch (IOException e) {
                    throw new IOException(file + ": not readable YAML: " + e.getMessage(), e);
                }
                if (root == null || !root.isObject()) {
                    throw new IOException(file + ": a baseline is a whole submission, a YAML mapping");
                }
                baseline = (ObjectNode) root;
                read.put(name, baseline);
            }
            return baseline.deepCopy();
        }
    }

    /** Whether the file lies in a {@code baselines/} folder under {@code root}: a baseline, not a case. */
    public static boolean isBaseline(Path root, Path file) {
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        for (Path part : relative) {
            if (part.toString().equals(BASELINES)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a case file, taking baselines from the nearest {@code baselines/} folder at or above it. */
    public static CaseFile read(Path path) throws IOException {
        return read(path, Baselines.near(path.toAbsolutePath().getParent()));
    }

    /** Reads a case file; a file that does not follow the format is an error naming the file. */
    public static CaseFile read(Path path, Baselines baselines) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new IOException(path + ": not readable YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(path + ": a case is a YAML mapping with name, asOf, submission (or baseline) and expect");
        }
        // a case written against a baseline is checked for misspelt keys (a "whith:" would check the baseline unchanged)
        for (Iterator<String> keys = root.fieldNames(); root.has("baseline") && keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new IOException(path + ": unknown key '" + key + "' (a case has " + KEYS + ")");
            }
        }
        String name = root.path("name").asText(path.getFileName().toString());
        LocalDate asOf = date(path, root.path("asOf"), "asOf");
        if (asOf == null) {
            throw new IOException(path + ": asOf is required (the check's today, YYYY-MM-DD)");
        }
        String baseline = root.hasNonNull("baseline") ? root.get("baseline").asText() : null;
        JsonNode submission = submission(path, root, baseline, baselines);
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
        return new CaseFile(path, name, asOf, baseline, submission,
                new Expectation(verdict, List.copyOf(findings), texts(expect.path("absent")), texts(expect.path("errors"))),
                history(path, root.path("history")));
    }

    private static JsonNode submission(Path path, JsonNode root, String baseline, Baselines baselines) throws IOException {
        boolean full = root.has("submission");
        if (full && (root.has("baseline") || root.has("with"))) {
            throw new IOException(path + ": a case has either submission: (the whole submission) or baseline: (with with:), not both");
        }
        if (full) {
            JsonNode submission = root.get("submission");
            if (!submission.isObject()) {
                throw new IOException(path + ": submission must be a mapping");
            }
            return submission;
        }
        if (baseline == null) {
            throw new IOException(path + (root.has("with")
                    ? ": with: needs a baseline: to change"
                    : ": submission (the whole submission) or baseline (a name in " + BASELINES + "/) is required"));
        }
        JsonNode with = root.path("with");
        if (!with.isMissingNode() && !with.isNull() && !with.isObject()) {
            throw new IOException(path + ": with must be a mapping of the fields this case changes");
        }
        try {
            ObjectNode base = baselines.get(baseline);
            return with.isObject() ? merge(base, with) : base;
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The baseline with this case's changes, taken key by key in file order:
     * <ul>
     * <li>a mapping merges into the baseline's mapping key by key, recursively;</li>
     * <li>any other value (a list, a text, a number, true/false) replaces the baseline's value: a list is replaced whole;</li>
     * <li>{@code null} removes the key;</li>
     * <li>a key may be a path into the submission, {@code leaders[0].rank} or {@code funding[1]}: each step
     *     must exist in the baseline, an index names an element of a list (from 0), and the value at the end of
     *     the path follows the three rules above ({@code null} at an index removes that element).</li>
     * </ul>
     * Returns {@code base}, changed; throws IllegalArgumentException naming the key that cannot be applied.
     */
    public static ObjectNode merge(ObjectNode base, JsonNode with) {
        for (Iterator<Map.Entry<String, JsonNode>> it = with.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> change = it.next();
            String key = change.getKey();
            if (key.contains(".") || key.contains("[")) {
                applyPath(base, key, change.getValue());
            } else {
                set(base, key, change.getValue());
            }
        }
        return base;
    }

    private static void set(ObjectNode target, String key, JsonNode value) {
        if (value.isNull()) {
            target.remove(key);
        } else if (value.isObject() && target.path(key).isObject()) {
            merge((ObjectNode) target.get(key), value);
        } else {
            target.set(key, value.deepCopy());
        }
    }

    private static void applyPath(ObjectNode base, String path, JsonNode value) {
        String[] steps = path.split("\\.", -1);
        JsonNode at = base;
        for (int i = 0; i < steps.length; i++) {
            Matcher step = PATH_SEGMENT.matcher(steps[i]);
            if (!step.matches()) {
                throw new IllegalArgumentException("with: '" + path + "' is not a path such as leaders[0].rank");
            }
            String field = step.group(1);
            boolean last = i == steps.length - 1;
            if (!at.isObject()) {
                throw new IllegalArgumentException("with: '" + path + "': " + field + " is not inside a mapping");
            }
            ObjectNode parent = (ObjectNode) at;
            if (step.group(2) == null) {
                if (last) {
                    set(parent, field, value);
                    return;
                }
                if (!parent.has(field)) {
                    throw new IllegalArgumentException("with: '" + path + "': the baseline has no " + field);
                }
                at = parent.get(field);
                continue;
            }
            int index = Integer.parseInt(step.group(2));
            JsonNode list = parent.path(field);
            if (!list.isArray() || index >= list.size()) {
                throw new IllegalArgumentException("with: '" + path + "': the baseline has no " + field + "[" + index + "]"
                        + (list.isArray() ? " (" + field + " has " + list.size() + ")" : ""));
            }
            ArrayNode array = (ArrayNode) list;
            if (last) {
                if (value.isNull()) {
                    array.remove(index);
                } else if (value.isObject() && array.get(index).isObject()) {
                    merge((ObjectNode) array.get(index), value);
                } else {
                    array.set(index, value.deepCopy());
                }
                return;
            }
            at = array.get(index);
        }
    }

    private static List<HistoryEntry> history(Path path, JsonNode history) throws IOException {
        if (history.isMissingNode() || history.isNull()) {
            return List.of();
        }
        if (!history.isArray()) {
            throw new IOException(path + ": history must be a list of records");
        }
        List<HistoryEntry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode h : history) {
            String where = "history[" + i++ + "]";
            if (!h.isObject()) {
                throw new IOException(path + ": " + where + " must be a mapping");
            }
            for (Iterator<String> keys = h.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!HISTORY_KEYS.contains(key)) {
                    throw new IOException(path + ": " + where + ": unknown key '" + key + "' (a record has " + HISTORY_KEYS + ")");
                }
            }
            HistoryType type = constant(path, where + ".type", h.path("type"), HistoryType.class);
            if (type == null) {
                throw new IOException(path + ": " + where + ".type is required");
            }
            ActivityKind activityKind = constant(path, where + ".activityKind", h.path("activityKind"), ActivityKind.class);
            Period period = null;
            JsonNode p = h.path("activityPeriod");
            if (!p.isMissingNode() && !p.isNull()) {
                period = new Period(date(path, p.path("start"), where + ".activityPeriod.start"),
                        date(path, p.path("end"), where + ".activityPeriod.end"));
                if (period.start() == null || period.end() == null || period.end().isBefore(period.start())) {
                    throw new IOException(path + ": " + where + ".activityPeriod needs a start and an end not before it");
                }
            }
            BigDecimal rate = null;
            JsonNode r = h.path("executionRate");
            if (!r.isMissingNode() && !r.isNull()) {
                if (!r.isNumber()) {
                    throw new IOException(path + ": " + where + ".executionRate must be a number (percent), was " + r);
                }
                // the decimal as written (45.20 is read as the double 45.2, whose shortest text is exact)
                rate = new BigDecimal(r.asText());
            }
            Boolean notEligible = null;
            JsonNode n = h.path("notEligibleNextYear");
            if (!n.isMissingNode() && !n.isNull()) {
                if (!n.isBoolean()) {
                    throw new IOException(path + ": " + where + ".notEligibleNextYear must be true or false, was " + n);
                }
                notEligible = n.booleanValue();
            }
            entries.add(new HistoryEntry(type, text(h, "receipt"),
                    constant(path, where + ".status", h.path("status"), HistoryStatus.class),
                    date(path, h.path("decidedOn"), where + ".decidedOn"), activityKind, period,
                    text(h, "subsidyId"), date(path, h.path("filedOn"), where + ".filedOn"), rate, notEligible));
        }
        return List.copyOf(entries);
    }

    private static <E extends Enum<E>> E constant(Path path, String field, JsonNode node, Class<E> type) throws IOException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Enum.valueOf(type, node.asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", was '" + node.asText() + "'", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
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
