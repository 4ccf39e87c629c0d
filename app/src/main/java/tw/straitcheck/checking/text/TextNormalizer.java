package tw.straitcheck.checking.text;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings text and list entries to one form before matching (rule catalogue, section D):
 * Simplified → Traditional (OpenCC s2t, so 统战部 matches 統戰部), then the variant folds of
 * {@code rules/lists/variant-folds.yaml} (臺 → 台, 箇 → 個, 迴 → 回: OpenCC's phrase table turns
 * 一个中国 into 一箇中國 and 回归 into 迴歸), full-width → half-width, ASCII lower case, and white
 * space removed. Each character of the result remembers where it came from, so evidence can quote
 * the original text around a match.
 */
public final class TextNormalizer {

    /** One variant fold as policy staff wrote it: a character and the one it is matched as. */
    public record Fold(String from, String to) {
    }

    /**
     * Without variant folds: OpenCC, width, case and white space only. For spellings that are not
     * matched against the rulebase's lists (a province name); the lists use the rulebase's folds.
     */
    public static final TextNormalizer WITHOUT_FOLDS = new TextNormalizer(Map.of());

    private final Map<Character, Character> folds;
    /** Every character's matching form in one lookup: the variant fold, then width and case. */
    private final char[] matchingForm = new char[Character.MAX_VALUE + 1];
    /** The characters dropped from the matching form: white space. */
    private static final BitSet DROPPED = new BitSet(Character.MAX_VALUE + 1);

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                DROPPED.set(c);
            }
        }
    }

    private TextNormalizer(Map<Character, Character> folds) {
        this.folds = Map.copyOf(folds);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            matchingForm[c] = fold(this.folds.getOrDefault((char) c, (char) c));
        }
    }

    /**
     * The folds of the data table, checked: each side one character, no character folded twice,
     * none folded to itself, and no chains (a target that is folded again), so the order of the
     * table does not matter.
     */
    public static TextNormalizer withFolds(String table, List<Fold> folds) {
        Map<Character, Character> map = new LinkedHashMap<>();
        for (Fold f : folds) {
            if (f == null || f.from() == null || f.to() == null || f.from().length() != 1 || f.to().length() != 1) {
                throw new IllegalArgumentException(table + ": a fold is one character to one character, "
                        + "e.g. { from: 臺, to: 台 }; was " + f);
            }
            char from = f.from().charAt(0);
            char to = f.to().charAt(0);
            if (from == to) {
                throw new IllegalArgumentException(table + ": " + from + " is folded to itself");
            }
            if (map.putIfAbsent(from, to) != null) {
                throw new IllegalArgumentException(table + ": " + from + " is folded twice");
            }
        }
        map.forEach((from, to) -> {
            if (map.containsKey(to)) {
                throw new IllegalArgumentException(table + ": " + from + " → " + to + " is folded again (" + to + " → "
                        + map.get(to) + "); fold straight to the final character");
            }
        });
        return new TextNormalizer(map);
    }

    /** The folds, character to character, as the table gives them. */
    public Map<Character, Character> folds() {
        return folds;
    }

    /**
     * The characters OpenCC s2t would change. Texts from Taiwanese schools are nearly always in
     * Traditional already; phrase conversion (the costly part) runs only on a text that has one.
     */
    private static final BitSet CONVERTIBLE = convertibleCharacters();

    private static BitSet convertibleCharacters() {
        BitSet convertible = new BitSet(0x10000);
        for (char c = 0x2E80; c < 0xFFFF; c++) {
            if (Character.isIdeographic(c) && OpenccS2t.convertible(c)) {
                convertible.set(c);
            }
        }
        return convertible;
    }

    /** The text in matching form, with the variant folds of this normaliser. */
    public Normalized of(String original) {
        String traditional = toTraditional(original);
        int length = traditional.length();
        char[] out = new char[length];
        int[] origin = new int[length];
        int kept = 0;
        for (int i = 0; i < length; i++) {
            char c = matchingForm[traditional.charAt(i)];
            if (!DROPPED.get(c)) {
                origin[kept] = i;
                out[kept++] = c;
            }
        }
        return new Normalized(original, new String(out, 0, kept), kept == length ? origin : Arrays.copyOf(origin, kept));
    }

    /** A list entry or exclusion in matching form. */
    public String keyword(String keyword) {
        return of(keyword).text();
    }

    /** {@link #WITHOUT_FOLDS}: for a spelling that is not matched against the lists. */
    public static Normalized normalize(String original) {
        return WITHOUT_FOLDS.of(original);
    }

    /** {@link #WITHOUT_FOLDS}: for a spelling that is not matched against the lists. */
    public static String normalizeKeyword(String keyword) {
        return WITHOUT_FOLDS.keyword(keyword);
    }

    /**
     * OpenCC converts by phrase, and a phrase never spans punctuation or white space: only the runs
     * of ideographs that hold a convertible character are converted. When a run changes length the
     * positions would no longer line up with the original, so that run is converted character by
     * character instead (rare in practice).
     */
    private static String toTraditional(String original) {
        if (!hasConvertible(original)) {
            return original;
        }
        StringBuilder out = new StringBuilder(original.length());
        int i = 0;
        while (i < original.length()) {
            if (!Character.isIdeographic(original.charAt(i))) {
                out.append(original.charAt(i++));
                continue;
            }
            int end = i;
            boolean convertible = false;
            while (end < original.length() && Character.isIdeographic(original.charAt(end))) {
                convertible |= CONVERTIBLE.get(original.charAt(end));
                end++;
            }
            String run = original.substring(i, end);
            out.append(convertible ? convertRun(run) : run);
            i = end;
        }
        return out.toString();
    }

    private static String convertRun(String run) {
        String converted = OpenccS2t.convert(run);
        if (converted.length() == run.length()) {
            return converted;
        }
        StringBuilder perChar = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            perChar.append(OpenccS2t.characterForm(run.charAt(i)));
        }
        return perChar.toString();
    }

    private static boolean hasConvertible(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (CONVERTIBLE.get(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Width and case (the variant folds are data, applied before). */
    private static char fold(char c) {
        if (c == '\u3000') {
            return ' ';
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        }
        if (c >= 'A' && c <= 'Z') {
            c = (char) (c + ('a' - 'A'));
        }
        return c;
    }

    /** Normalised text; {@code origin[i]} is the index in {@code original} of the i-th character. */
    public record Normalized(String original, String text, int[] origin) {

        /** The original text around normalised positions [start, end), with {@code margin} characters each side. */
        public String context(int start, int end, int margin) {
            int from = Math.max(0, origin[start] - margin);
            int to = Math.min(original.length(), origin[end - 1] + 1 + margin);
            return (from > 0 ? "…" : "") + original.substring(from, to) + (to < original.length() ? "…" : "");
        }
    }
}
