package tw.straitcheck.checking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the DRL gives as text and that the Java compiler cannot check: the periods of
 * periods.yaml ({@code dates.due("return-report", …)}, {@code Due( purpose == "return-report" )}), the
 * keyword lists ({@code KeywordHit( list == "dignity" )}, {@code keywords.find("dignity", …)}) and the message keys of evidence phrases
 * ({@code Phrase.of("evidence.days-late", …)}). Read from the DRL text, comments left out, so the
 * rulebase refuses to load when one of them names nothing. Codes are enum constants
 * ({@code Rank.GRADE_11_OR_ABOVE}), which the DRL compiler checks; a code written as a quoted string
 * ({@code "GRADE_11_OR_ABOVE"}) is refused, as it would not be checked.
 */
final class DrlReferences {

    private static final Pattern PERIOD_CALL = Pattern.compile("\\bdates\\s*\\.\\s*(?:due|series)\\s*\\(\\s*(\"([^\"]*)\")?");
    private static final Pattern PURPOSE = Pattern.compile("\\bpurpose\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern LIST_CALL = Pattern.compile("\\bkeywords\\s*\\.\\s*find\\s*\\(\\s*(\"([^\"]*)\")?");
    /** A hit's list: {@code KeywordHit( list == "dignity", … )}. */
    private static final Pattern HIT_LIST = Pattern.compile("\\bKeywordHit\\s*\\([^)]*?\\blist\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    /** A quoted UPPER_SNAKE word, other than a finding kind in {@code @kind("…")} (checked by FindingKind). */
    private static final Pattern QUOTED_CODE = Pattern.compile("(?<!@kind\\(\\s{0,3})\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern SETTING = Pattern.compile("\\bPolicySetting\\s*\\(\\s*name\\s*==\\s*\"([^\"]*)\"");
    /**
     * A penalty or citation reference given as a string in a rule's code ("ACT art 90-2(2)", a
     * derived fact's penalty): a word of capitals, a space, the rest. Checked against the sources at
     * load when the first word is a source of rules/sources/. Metadata ({@code @cites}, {@code @penalty}) is
     * resolved by the rulebase itself.
     */
    private static final Pattern SOURCE_REF = Pattern.compile(
            "(?<!@cites\\(\\s{0,3})(?<!@penalty\\(\\s{0,3})\"([A-Z][A-Z_]*[A-Z] [^\"]+)\"");
    private static final Pattern PHRASE_CALL = Pattern.compile("\\bPhrase\\s*\\.\\s*of\\s*\\(\\s*(\"([^\"]*)\")?");

    /** Where a name is used: "entry-rules/return-report/ReturnReport.drl:17". */
    record Use(String name, String where) {
    }

    final List<Use> periods = new ArrayList<>();
    final List<Use> lists = new ArrayList<>();
    final List<Use> phrases = new ArrayList<>();
    final List<Use> settings = new ArrayList<>();
    /** Source references written as strings in the code (not metadata), each ';'-separated part. */
    final List<Use> sourceRefs = new ArrayList<>();
    /** Calls whose name is not a literal, and codes written as strings: neither can be checked. */
    final List<String> notLiteral = new ArrayList<>();

    static DrlReferences scan(Map<String, byte[]> drlFiles) {
        DrlReferences refs = new DrlReferences();
        drlFiles.forEach((file, content) -> {
            String code = withoutComments(new String(content, StandardCharsets.UTF_8));
            refs.collect(file, code, PERIOD_CALL, refs.periods, "dates.due/series");
            refs.collect(file, code, PURPOSE, refs.periods, null);
            refs.collect(file, code, LIST_CALL, refs.lists, "keywords.find");
            refs.collect(file, code, HIT_LIST, refs.lists, null);
            refs.collect(file, code, PHRASE_CALL, refs.phrases, null);
            refs.collect(file, code, SETTING, refs.settings, null);
            Matcher ref = SOURCE_REF.matcher(code);
            while (ref.find()) {
                for (String part : ref.group(1).split(";")) {
                    if (!part.isBlank()) {
                        refs.sourceRefs.add(new Use(part.strip(), file + ":" + line(code, ref.start())));
                    }
                }
            }
            Matcher quoted = QUOTED_CODE.matcher(code);
            while (quoted.find()) {
                refs.notLiteral.add(file + ":" + line(code, quoted.start()) + ": \"" + quoted.group(1)
                        + "\" is a code written as a string; write it as its enum constant (e.g. Rank.GRADE_11_OR_ABOVE),"
                        + " so a misspelling fails the build");
            }
        });
        return refs;
    }

    private void collect(String file, String code, Pattern pattern, List<Use> into, String mustBeLiteral) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            String where = file + ":" + line(code, m.start());
            String name = m.groupCount() == 1 ? m.group(1) : m.group(2);
            if (name != null) {
                into.add(new Use(name, where));
            } else if (mustBeLiteral != null) {
                notLiteral.add(where + ": " + mustBeLiteral + " must name its period or list in quotes, so it can be checked at load");
            }
        }
    }

    /** The uses whose name is not among the known ones, as "name (where)", by name. */
    static Map<String, Set<String>> unknown(List<Use> uses, Set<String> known) {
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Use u : uses) {
            if (!known.contains(u.name())) {
                unknown.computeIfAbsent(u.name(), n -> new TreeSet<>()).add(u.where());
            }
        }
        return unknown;
    }

    private static int line(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text with // and block comments blanked out (line breaks kept, so line numbers hold); strings kept. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < n && text.charAt(end) != '"' && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                out.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        out.append('\n');
                    }
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
