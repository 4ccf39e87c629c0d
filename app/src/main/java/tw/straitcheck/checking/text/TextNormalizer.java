package tw.straitcheck.checking.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Brings text and list entries to one form before matching (rule catalogue, section D):
 * Simplified → Traditional (OpenCC s2t, so 统战部 matches 統戰部), then 臺 → 台, full-width →
 * half-width, ASCII lower case, and white space removed. Each character of the result remembers
 * where it came from, so evidence can quote the original text around a match.
 */
public final class TextNormalizer {

    private TextNormalizer() {
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
     * OpenCC converts by phrase; when a phrase changes length the positions no longer line up
     * with the original, so convert character by character instead (rare in practice).
     */
    private static String toTraditional(String original) {
        if (!hasHan(original)) {
            return original;
        }
        String converted = ZhConverterUtil.toTraditional(original);
        if (converted.length() == original.length()) {
            return converted;
        }
        StringBuilder perChar = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            String one = ZhConverterUtil.toTraditional(String.valueOf(original.charAt(i)));
            perChar.append(one.length() == 1 ? one.charAt(0) : original.charAt(i));
        }
        return perChar.toString();
    }

    private static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x2E80) {
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
