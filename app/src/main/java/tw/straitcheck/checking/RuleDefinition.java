package tw.straitcheck.checking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.straitcheck.system.Localized;

/**
 * What a DRL rule that raises findings says about them, in its metadata:
 * <pre>
 * rule "Register the activity on the platform one month before it starts"
 *     &#64;ruleId("OBL.REGISTER_ACTIVITY") &#64;kind("OBLIGATION")
 *     &#64;cites("HANDBOOK 壹一(一)2(1)")                 // several: separated by ';'
 *     &#64;penalty("ACT art 91(2)")                        // optional
 * </pre>
 * and, in the rulebase's messages (rules/messages/), its title {@code OBL.REGISTER_ACTIVITY.title}
 * and optional note {@code OBL.REGISTER_ACTIVITY.note}, each in zh-TW and English.
 */
public record RuleDefinition(
        String ruleId,
        FindingKind kind,
        Localized title,
        List<SourceRef> citations,
        SourceRef penalty,
        Localized note,
        String ruleName,
        String packageName) {

    /** "ACT art 9(4)" → source ACT, ref "art 9(4)". */
    public record SourceRef(String source, String ref) {
        public static SourceRef parse(String text) {
            String t = text.strip();
            int space = t.indexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException("a citation is 'SOURCE ref', e.g. 'ACT art 9(4)': " + text);
            }
            return new SourceRef(t.substring(0, space), t.substring(space + 1).strip());
        }

        @Override
        public String toString() {
            return source + " " + ref;
        }
    }

    public static boolean raisesFindings(Map<String, Object> metaData) {
        return metaData.containsKey("ruleId");
    }

    /** Words that live in rules/messages/, not in DRL metadata. */
    private static final List<String> WORDS_IN_MESSAGES = List.of("titleZh", "titleEn", "noteZh", "noteEn");

    public static RuleDefinition fromMetadata(String packageName, String ruleName, Map<String, Object> metaData,
            Messages messages) {
        String ruleId = required(metaData, "ruleId", ruleName);
        for (String key : WORDS_IN_MESSAGES) {
            if (metaData.containsKey(key)) {
                throw new IllegalArgumentException("rule \"" + ruleName + "\": @" + key + " is not read; titles and notes are "
                        + ruleId + ".title and " + ruleId + ".note in rules/messages/");
            }
        }
        String kind = required(metaData, "kind", ruleName);
        FindingKind findingKind;
        try {
            findingKind = FindingKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule \"" + ruleName + "\": @kind must be one of VIOLATION, FLAG, OBLIGATION, INFO");
        }
        List<SourceRef> citations = new ArrayList<>();
        for (String cite : required(metaData, "cites", ruleName).split(";")) {
            if (!cite.isBlank()) {
                citations.add(SourceRef.parse(cite));
            }
        }
        String penalty = value(metaData, "penalty");
        Localized title = messages.find(ruleId + ".title");
        if (title == null) {
            throw new IllegalArgumentException("rule \"" + ruleName + "\": no title " + ruleId
                    + ".title in rules/messages/ (zh-TW and English)");
        }
        return new RuleDefinition(ruleId, findingKind, title,
                List.copyOf(citations),
                penalty == null ? null : SourceRef.parse(penalty),
                messages.find(ruleId + ".note"),
                ruleName, packageName);
    }

    private static String required(Map<String, Object> metaData, String key, String ruleName) {
        String v = value(metaData, key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("rule \"" + ruleName + "\" raises findings but has no @" + key);
        }
        return v;
    }

    /** Metadata values come back with or without their quotes, depending on the Drools parser. */
    static String value(Map<String, Object> metaData, String key) {
        Object v = metaData.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
