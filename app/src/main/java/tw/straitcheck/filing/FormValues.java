package tw.straitcheck.filing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A posted form's values by field name, as the browser sent them (a name may come more than once:
 * checkboxes). The school pages name their fields by the submission's JSON paths
 * ({@code leaders[0].name}), so a field error from the reader lands next to its own field; rows
 * (locations, leaders, funding) are numbered from 0 and counted by {@code <rows>.count}.
 */
public final class FormValues {

    private static final Pattern ROW_FIELD = Pattern.compile("^([a-zA-Z]+)\\[(\\d+)](.*)$");

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    /** A form sent as {@code application/x-www-form-urlencoded}. */
    public static FormValues urlEncoded(String body) {
        FormValues form = new FormValues();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.add(name, value);
        }
        return form;
    }

    public FormValues add(String name, String value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** Replaces what the field holds. */
    public FormValues set(String name, String value) {
        values.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    public FormValues remove(String name) {
        values.remove(name);
        return this;
    }

    /** The field's first value, stripped; "" when it was not sent. */
    public String get(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? "" : all.get(0).strip();
    }

    /** Every value sent under the name (checked checkboxes), blanks left out. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public boolean blank(String name) {
        return get(name).isEmpty();
    }

    /** Whether a checkbox or radio button with this value was chosen (for {@code th:checked}). */
    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    /**
     * How many rows of {@code rows} the form shows: its {@code rows.count} field, else as many as
     * the highest numbered field sent, and at least one.
     */
    public int rows(String rows) {
        int highest = -1;
        for (String name : values.keySet()) {
            Matcher m = ROW_FIELD.matcher(name);
            if (m.matches() && m.group(1).equals(rows)) {
                highest = Math.max(highest, Integer.parseInt(m.group(2)));
            }
        }
        int counted = get(rows + ".count").matches("\\d{1,3}") ? Integer.parseInt(get(rows + ".count")) : 0;
        return Math.max(1, Math.max(counted, highest + 1));
    }

    /** 0 … rows - 1, for {@code th:each}. */
    public List<Integer> rowNumbers(String rows) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < rows(rows); i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** The form with one more (empty) row of {@code rows}, up to {@code max}. */
    public FormValues withRowAdded(String rows, int max) {
        return set(rows + ".count", String.valueOf(Math.min(max, rows(rows) + 1)));
    }

    /** The form without row {@code index} of {@code rows}: the rows after it move up by one. */
    public FormValues withRowRemoved(String rows, int index) {
        int count = rows(rows);
        if (count <= 1 || index < 0 || index >= count) {
            return this;
        }
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((name, v) -> {
            Matcher m = ROW_FIELD.matcher(name);
            if (!m.matches() || !m.group(1).equals(rows)) {
                kept.put(name, v);
                return;
            }
            int row = Integer.parseInt(m.group(2));
            if (row != index) {
                kept.put(rows + "[" + (row > index ? row - 1 : row) + "]" + m.group(3), v);
            }
        });
        values.clear();
        values.putAll(kept);
        return set(rows + ".count", String.valueOf(count - 1));
    }

    Map<String, List<String>> asMap() {
        return values;
    }
}
