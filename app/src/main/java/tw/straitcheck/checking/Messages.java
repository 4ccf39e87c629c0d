package tw.straitcheck.checking;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tw.straitcheck.system.Localized;

/**
 * The words of the rulebase, as policy staff keep them in {@code rules/messages/} (UTF-8
 * properties, one file per language): each rule's title ({@code <ruleId>.title}) and note
 * ({@code <ruleId>.note}), and the evidence phrases ({@code evidence.days-late}). Both languages
 * must hold the same keys, or the rulebase does not load.
 */
public final class Messages {

    static final String ZH = "messages/rules_zh_TW.properties";
    static final String EN = "messages/rules_en.properties";

    private final Map<String, String> zh;
    private final Map<String, String> en;

    Messages(Map<String, String> zh, Map<String, String> en) {
        this.zh = Map.copyOf(zh);
        this.en = Map.copyOf(en);
        Set<String> onlyZh = new TreeSet<>(zh.keySet());
        onlyZh.removeAll(en.keySet());
        Set<String> onlyEn = new TreeSet<>(en.keySet());
        onlyEn.removeAll(zh.keySet());
        if (!onlyZh.isEmpty() || !onlyEn.isEmpty()) {
            throw new IllegalArgumentException("rules/messages/: every key needs both languages;"
                    + (onlyZh.isEmpty() ? "" : " missing from " + EN + ": " + onlyZh)
                    + (onlyEn.isEmpty() ? "" : " missing from " + ZH + ": " + onlyEn));
        }
    }

    static Messages load(RuleFiles files) {
        return new Messages(read(files, ZH), read(files, EN));
    }

    private static Map<String, String> read(RuleFiles files, String name) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(files.bytes(name), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("rules/" + name + ": " + e.getMessage(), e);
        }
        Map<String, String> messages = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("rules/" + name + ": '" + key + "' is empty");
            }
            messages.put(key, value);
        }
        return messages;
    }

    public boolean has(String key) {
        return zh.containsKey(key);
    }

    public Set<String> keys() {
        return new TreeSet<>(zh.keySet());
    }

    /** The message in both languages, or null when there is none. */
    public Localized find(String key) {
        return has(key) ? new Localized(zh.get(key), en.get(key)) : null;
    }

    /** The message in both languages; a key that is not there is refused. */
    public Localized get(String key) {
        Localized text = find(key);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in rules/messages/");
        }
        return text;
    }

    /** The phrase in both languages, its arguments set in. */
    public Localized render(Phrase phrase) {
        Localized text = get(phrase.key());
        return new Localized(fill(text.zh(), phrase.args()), fill(text.en(), phrase.args()));
    }

    /** {0}, {1}… replaced by the arguments as they print (no grouping of digits, no quoting rules). */
    static String fill(String pattern, List<Object> args) {
        String s = pattern;
        for (int i = 0; i < args.size(); i++) {
            s = s.replace("{" + i + "}", String.valueOf(args.get(i)));
        }
        return s;
    }
}
