package tw.straitcheck.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** E-mail addresses as the outbox keeps them: one comma-separated text, each address once. */
final class Addresses {

    /** The same test the submission reader applies to a leader's e-mail. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@,]+@[^\\s@,]+\\.[^\\s@,]+");

    private final Map<String, String> byLowerCase = new LinkedHashMap<>();

    static boolean isAddress(String value) {
        return value != null && EMAIL.matcher(value.strip()).matches();
    }

    static List<String> split(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Adds what is an address and leaves out the rest (an account name that is not an e-mail). */
    Addresses add(Collection<String> values) {
        values.forEach(this::add);
        return this;
    }

    Addresses add(String value) {
        if (isAddress(value)) {
            byLowerCase.putIfAbsent(value.strip().toLowerCase(Locale.ROOT), value.strip());
        }
        return this;
    }

    boolean isEmpty() {
        return byLowerCase.isEmpty();
    }

    String joined() {
        return String.join(",", byLowerCase.values());
    }

    List<String> list() {
        return List.copyOf(byLowerCase.values());
    }

    int size() {
        return byLowerCase.size();
    }

    /** The first {@code max} addresses, in the order they were added (the rest are left out). */
    Addresses first(int max) {
        Addresses kept = new Addresses();
        byLowerCase.entrySet().stream().limit(max).forEach(e -> kept.byLowerCase.put(e.getKey(), e.getValue()));
        return kept;
    }
}
