package tw.straitcheck.checking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL file's text, for what the parsed parts do not say: the line a piece of code starts on,
 * and the marks that would hide code from any parser.
 */
final class DrlText {

    /** A unicode escape: Java reads it before anything else, so {@code \u0053ystem} is {@code System} and {@code \u0022} ends a string. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");

    private final String text;

    DrlText(String text) {
        this.text = text;
    }

    /** The line (1-based) of the character at offset. */
    int lineAt(int offset) {
        return lineAt(text, offset);
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line a piece of code starts on, found in the text from {@code from} on; else the fallback. */
    int lineOf(String piece, int from, int fallback) {
        if (piece == null || piece.isBlank()) {
            return fallback;
        }
        String start = piece.strip();
        int at = text.indexOf(start, Math.max(0, from));
        return at < 0 ? fallback : lineAt(at);
    }

    /** Unicode escapes and MVEL templates ({@code @{…}}), anywhere outside comments, strings included. */
    void refuseHiddenCode(JavaFragmentCheck.Problems problems) {
        String code = DrlReferences.withoutComments(text);
        Matcher escape = UNICODE_ESCAPE.matcher(code);
        while (escape.find()) {
            problems.add(lineAt(code, escape.start()), "a unicode escape (\\u…) is refused: Java reads it before anything else,"
                    + " so it can hide a name or end a string; write the character itself");
        }
        int template = code.indexOf("@{");
        while (template >= 0) {
            problems.add(lineAt(code, template), "an MVEL template (@{…}) is refused");
            template = code.indexOf("@{", template + 2);
        }
    }
}
