package tw.straitcheck.review;

import io.micronaut.json.tree.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tw.straitcheck.records.RecordViews;

/**
 * A record's versions side by side, field by field, for the reviewer's record page: each stored
 * submission is read as its fields' paths ({@code leaders[0].name}) and values, one row per path
 * in the order the paths first appear, one column per version; a cell is {@code changed} when its
 * value differs from the version before it (added, removed or edited). Long texts are compared
 * whole and shown whole.
 */
public record VersionComparison(List<Column> columns, List<Row> rows) {

    /** A version as a column heading: its number, kind and when it came. */
    public record Column(int number, String kind, OffsetDateTime submittedAt) {
    }

    /** One field of the submissions: its value in each version (null where the version has none). */
    public record Row(String field, List<Cell> cells, boolean anyChange) {
    }

    public record Cell(String value, boolean changed) {
    }

    /** The fields that differ between some two versions in a row: what the reviewer reads first. */
    public List<Row> changedRows() {
        return rows.stream().filter(Row::anyChange).toList();
    }

    static VersionComparison of(List<RecordViews.Version> versions) {
        List<Column> columns = new ArrayList<>();
        List<Map<String, String>> flattened = new ArrayList<>();
        Map<String, Boolean> paths = new LinkedHashMap<>();
        for (RecordViews.Version v : versions) {
            columns.add(new Column(v.number(), v.kind().name(), v.submittedAt()));
            Map<String, String> fields = new LinkedHashMap<>();
            flatten("", v.submission(), fields);
            fields.keySet().forEach(p -> paths.putIfAbsent(p, true));
            flattened.add(fields);
        }
        List<Row> rows = new ArrayList<>();
        for (String path : paths.keySet()) {
            List<Cell> cells = new ArrayList<>();
            boolean anyChange = false;
            for (int i = 0; i < flattened.size(); i++) {
                String value = flattened.get(i).get(path);
                boolean changed = i > 0 && !Objects.equals(value, flattened.get(i - 1).get(path));
                anyChange |= changed;
                cells.add(new Cell(value, changed));
            }
            rows.add(new Row(path, List.copyOf(cells), anyChange));
        }
        return new VersionComparison(List.copyOf(columns), List.copyOf(rows));
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            if (node.size() == 0) {
                into.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(path, node.coerceStringValue());
        }
    }
}
