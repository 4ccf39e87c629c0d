package tw.straitcheck.checking.text;

import com.github.houbb.opencc4j.support.data.impl.OpenccDatas;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenCC4j's Simplified → Traditional conversion ({@link ZhConverterUtil#toTraditional(String)}),
 * character for character the same, on OpenCC4j's own dictionaries, without its per-character cost.
 *
 * <p>OpenCC4j cuts a run of CJK ideographs (U+4E00–U+9FA5) into words by forward maximum
 * matching: at each place the longest word of its phrase tables (Simplified and Traditional
 * phrases) that starts there, else the one character. A word with a Simplified phrase entry
 * becomes its first Traditional form; anything else goes character by character, each to its
 * first Traditional form when that is one character. OpenCC4j walks a tree of hash maps for that,
 * boxing every character, and builds lists and a context for every call; a check converts a few
 * runs of each Simplified text, and that was 7–11% of a check's time.
 *
 * <p>Here the same tables answer through one hash map of words and, for every character, the
 * lengths of the words that start with it, so each place tries only lengths that exist.
 * {@code OpenccS2tTest} holds the two to the same output for every phrase of the tables and for
 * random texts made of them. A text with any other character is left to OpenCC4j itself.
 */
final class OpenccS2t {

    private static final char FIRST = '\u4E00';
    private static final char LAST = '\u9FA5';
    /** A word of the phrase tables that has no Simplified phrase entry: it goes character by character. */
    private static final String BY_CHARACTER = new String("by character");

    /** Every word that cuts a run, to its Traditional form (or {@link #BY_CHARACTER}). */
    private static final Map<String, String> WORDS = new HashMap<>();
    /** Per character of [FIRST, LAST]: bit k set when a word of length k starts with it. */
    private static final long[] LENGTHS = new long[LAST - FIRST + 1];
    /**
     * The first two characters of every word, hashed into a bit set: most places start no word, and
     * a clear bit says so without a lookup (a set bit may be another pair's, and the lookups decide).
     */
    private static final int PAIR_BITS = 20;
    private static final BitSet PAIRS = new BitSet(1 << PAIR_BITS);
    /** Per character of [FIRST, LAST]: its form when converted on its own, inside a word of no phrase entry. */
    private static final char[] ALONE = new char[LAST - FIRST + 1];

    static {
        Map<String, List<String>> simplifiedPhrases = OpenccDatas.stPhrase().data().getDataMap();
        Map<String, List<String>> traditionalPhrases = OpenccDatas.tsPhrase().data().getDataMap();
        Map<String, List<String>> characters = OpenccDatas.stChar().data().getDataMap();
        for (String key : simplifiedPhrases.keySet()) {
            addWord(firstToken(key), simplifiedPhrases);
        }
        for (String key : traditionalPhrases.keySet()) {
            addWord(firstToken(key), simplifiedPhrases);
        }
        for (char c = FIRST; c <= LAST; c++) {
            List<String> forms = characters.get(String.valueOf(c));
            String form = forms == null || forms.isEmpty() ? null : forms.get(0);
            ALONE[c - FIRST] = form != null && form.length() == 1 ? form.charAt(0) : c;
        }
    }

    private OpenccS2t() {
    }

    /** OpenCC4j takes the first space-separated token of a table's key as the word. */
    private static String firstToken(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(0, space);
    }

    private static void addWord(String word, Map<String, List<String>> simplifiedPhrases) {
        if (word.isEmpty() || WORDS.containsKey(word)) {
            return;
        }
        List<String> forms = simplifiedPhrases.get(word);
        WORDS.put(word, forms == null || forms.isEmpty() ? BY_CHARACTER : forms.get(0));
        char first = word.charAt(0);
        if (first >= FIRST && first <= LAST && word.length() < Long.SIZE) {
            LENGTHS[first - FIRST] |= 1L << word.length();
        }
        if (word.length() >= 2) {
            PAIRS.set(pair(word.charAt(0), word.charAt(1)));
        }
        // a word starting outside the range, or longer than 63, never cuts a run this class converts:
        // such runs go to OpenCC4j (see convert)
    }

    private static int pair(char first, char second) {
        return ((first * 0x9E3779B1) ^ second * 0x85EBCA6B) >>> (Integer.SIZE - PAIR_BITS);
    }

    /** The Traditional form of a text, as {@link ZhConverterUtil#toTraditional(String)} gives it. */
    static String convert(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < FIRST || c > LAST) {
                return ZhConverterUtil.toTraditional(text);
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            long lengths = LENGTHS[text.charAt(i) - FIRST];
            if (i + 1 < text.length() && !PAIRS.get(pair(text.charAt(i), text.charAt(i + 1)))) {
                lengths &= 1L << 1; // no word of two or more characters starts here
            }
            int length = 0;
            String form = null;
            // the longest word starting here, trying only the lengths some word has
            for (long left = lengths; left != 0; left &= ~Long.highestOneBit(left)) {
                int k = Long.numberOfTrailingZeros(Long.highestOneBit(left));
                if (i + k <= text.length()) {
                    form = WORDS.get(text.substring(i, i + k));
                    if (form != null) {
                        length = k;
                        break;
                    }
                }
            }
            if (length == 0) {
                out.append(ALONE[text.charAt(i) - FIRST]);
                i++;
            } else if (form != BY_CHARACTER) {
                out.append(form);
                i += length;
            } else {
                for (int end = i + length; i < end; i++) {
                    out.append(ALONE[text.charAt(i) - FIRST]);
                }
            }
        }
        return out.toString();
    }
}
