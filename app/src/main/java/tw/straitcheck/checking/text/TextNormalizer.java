package tw.straitcheck.checking.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.BitSet;
import java.util.List;

/**
 * Brings text and list entries to one form before matching (rule catalogue, section D):
 * Simplified → Traditional (OpenCC s2t, so 统战部 matches 統戰部), then 臺 → 台, full-width →
 * half-width, ASCII lower case, and white space removed. Each character of the result remembers
 * where it came from, so evidence can quote the original text around a match.
 */
public final class TextNormalizer {

    /**
     * The characters OpenCC s2t would change. Texts from Taiwanese schools are nearly always in
     * Traditional already; phrase conversion (the costly part) runs only on a text that has one.
     */
    private static final BitSet CONVERTIBLE = convertibleCharacters();

    private TextNormalizer() {
    }

    private static BitSet convertibleCharacters() {
        BitSet convertible = new BitSet(0x10000);
        for (char c = 0x2E80; c < 0xFFFF; c++) {
            if (Character.isIdeographic(c)) {
                List<String> traditional = ZhConverterUtil.toTraditional(c);
                if (traditional != null && !traditional.isEmpty() && !traditional.get(0).equals(String.valueOf(c))) {
                    convertible.set(c);
                }
            }
        }
        return convertible;
    }

    public static Normalized normalize(String original) {
        String traditional = toTraditional(original);
        StringBuilder out = new StringBuilder(traditional.length());
        int[] origin = new int[traditional.length()];
        for (int i = 0; i < traditional.length(); i++) {
            char c = fold(traditional.charAt(i));
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                origin[out.length()] = i;
                out.append(c);
            }
        }
        return new Normalized(original, out.toString(), java.util.Arrays.copyOf(origin, out.length()));
    }

    public static String normalizeKeyword(String keyword) {
        return normalize(keyword).text();
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
        String converted = ZhConverterUtil.toTraditional(run);
        if (converted.length() == run.length()) {
            return converted;
        }
        StringBuilder perChar = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            List<String> one = ZhConverterUtil.toTraditional(run.charAt(i));
            perChar.append(one != null && !one.isEmpty() && one.get(0).length() == 1 ? one.get(0).charAt(0) : run.charAt(i));
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

    private static char fold(char c) {
        if (c == '臺') {
            return '台';
        }
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
