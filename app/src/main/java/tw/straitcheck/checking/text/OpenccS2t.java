package tw.straitcheck.checking.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * <p>Here the same tables (read from OpenCC4j's jar as OpenCC4j reads them, but without a regular
 * expression compiled for each line) answer through one hash map of words and, for every character,
 * the lengths of the words that start with it, so each place tries only lengths that exist.
 * {@code OpenccS2tTest} holds the two to the same output for every phrase of the tables and for
 * random texts made of them. A text with any other character is left to OpenCC4j itself.
 */
final class OpenccS2t {

    private static final char FIRST = '\u4E00';
    private static final char LAST = '\u9FA5';
    /** A word of the phrase tables that has no Simplified phrase entry: it goes character by character. */
    private static final String BY_CHARACTER = new String("by character");

    /** The value OpenCC4j's tables write for "no form" ({@code AppConstant.EMPTY_RESULT}), left out. */
    private static final String NO_FORM = "\uD86D\uDDF5";

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

    /** A word of 64 characters or more, which the lengths above cannot hold: then OpenCC4j converts every text. */
    private static boolean wordTooLong;
    /** Every character's first Traditional form in OpenCC4j's character table, or null when it has none. */
    private static final String[] CHARACTER_FORMS = new String[Character.MAX_VALUE + 1];

    static {
        Map<String, List<String>> simplifiedPhrases = table("STPhrases.txt");
        Map<String, List<String>> traditionalPhrases = table("TSPhrases.txt");
        for (String key : simplifiedPhrases.keySet()) {
            addWord(firstToken(key), simplifiedPhrases);
        }
        for (String key : traditionalPhrases.keySet()) {
            addWord(firstToken(key), simplifiedPhrases);
        }
        table("STCharacters.txt").forEach((character, forms) -> {
            if (character.length() == 1) {
                CHARACTER_FORMS[character.charAt(0)] = forms.get(0);
            }
        });
    }

    /**
     * One of OpenCC4j's tables ({@code data/dictionary/} in its jar), read as OpenCC4j's
     * {@code DataUtil.buildDataMap} reads it: each line its key and then its forms. Each line is cut
     * by {@link #tokens}, where OpenCC4j compiles a regular expression per line (half a second of a
     * cold start).
     */
    static Map<String, List<String>> table(String name) {
        String path = "/data/dictionary/" + name;
        try (InputStream in = ZhConverterUtil.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("OpenCC4j's " + path + " is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, List<String>> table = new HashMap<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> tokens = tokens(line);
                List<String> forms = new ArrayList<>(tokens.size());
                for (int i = 1; i < tokens.size(); i++) {
                    if (!NO_FORM.equals(tokens.get(i))) {
                        forms.add(tokens.get(i));
                    }
                }
                if (!forms.isEmpty()) {
                    table.put(tokens.get(0), List.copyOf(forms));
                }
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenCC4j's " + path, e);
        }
    }

    /**
     * A line cut as OpenCC4j cuts it ({@code StringUtil.splitByAnyBlank}: {@code line.split("\\s+|\u0013")}):
     * at each run of white space and at each U+0013, with an empty first token when the line starts
     * with one and no empty tokens at the end. By hand, not by the regular expression: 50,000 lines
     * through java.util.regex made the JIT compile it during every start.
     */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>(4);
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\u0013') {
                tokens.add(line.substring(start, i));
                start = ++i;
            } else if (isBlank(c)) {
                tokens.add(line.substring(start, i));
                while (i < line.length() && isBlank(line.charAt(i))) {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        tokens.add(line.substring(start));
        int kept = tokens.size();
        while (kept > 0 && tokens.get(kept - 1).isEmpty()) {
            kept--;
        }
        return tokens.subList(0, kept);
    }

    /** {@code \\s} of java.util.regex: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether OpenCC4j's character table turns this character into another ({@code ZhConverterUtil.toTraditional(char)}). */
    static boolean convertible(char c) {
        String form = CHARACTER_FORMS[c];
        return form != null && !form.equals(String.valueOf(c));
    }

    /** The character's form converted on its own, when that is one character; else the character itself. */
    static char characterForm(char c) {
        String form = CHARACTER_FORMS[c];
        return form != null && form.length() == 1 ? form.charAt(0) : c;
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
        // a word starting outside the range never cuts a run this class converts
        if (first >= FIRST && first <= LAST) {
            if (word.length() < Long.SIZE) {
                LENGTHS[first - FIRST] |= 1L << word.length();
            } else {
                wordTooLong = true;
            }
        }
        if (word.length() >= 2) {
            PAIRS.set(pair(word.charAt(0), word.charAt(1)));
        }
    }

    private static int pair(char first, char second) {
        return ((first * 0x9E3779B1) ^ second * 0x85EBCA6B) >>> (Integer.SIZE - PAIR_BITS);
    }

    /** The Traditional form of a text, as {@link ZhConverterUtil#toTraditional(String)} gives it. */
    static String convert(String text) {
        if (wordTooLong) {
            return ZhConverterUtil.toTraditional(text);
        }
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
                out.append(characterForm(text.charAt(i)));
                i++;
            } else if (form != BY_CHARACTER) {
                out.append(form);
                i += length;
            } else {
                for (int end = i + length; i < end; i++) {
                    out.append(characterForm(text.charAt(i)));
                }
            }
        }
        return out.toString();
    }
}
