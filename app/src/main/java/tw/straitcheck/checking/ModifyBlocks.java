package tw.straitcheck.checking;

/**
 * Drools' {@code modify( $f ) { setA( 1 ), setB( 2 ) }} is not Java: before a consequence is
 * checked as Java it is rewritten, line breaks kept, into {@code modify( $f ); { ($f).setA( 1 ); ($f).setB( 2 ); }},
 * so every setter call is checked like any other call.
 */
final class ModifyBlocks {

    private ModifyBlocks() {
    }

    static String rewrite(String code) {
        StringBuilder out = new StringBuilder(code.length() + 32);
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipString(code, i);
                out.append(code, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && (code.charAt(i + 1) == '/' || code.charAt(i + 1) == '*')) {
                int end = code.charAt(i + 1) == '/' ? lineEnd(code, i) : blockCommentEnd(code, i);
                out.append(code, i, end);
                i = end;
            } else if (code.startsWith("modify", i) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))
                    && i + 6 < n && !Character.isJavaIdentifierPart(code.charAt(i + 6))) {
                int open = skipSpace(code, i + 6);
                if (open >= n || code.charAt(open) != '(') {
                    out.append(c);
                    i++;
                    continue;
                }
                int close = matching(code, open, '(', ')');
                int brace = close < 0 ? -1 : skipSpace(code, close + 1);
                if (close < 0 || brace >= n || code.charAt(brace) != '{') {
                    out.append(c);
                    i++;
                    continue;
                }
                int end = matching(code, brace, '{', '}');
                if (end < 0) {
                    out.append(code, i, n);
                    break;
                }
                String target = code.substring(open + 1, close);
                String receiver = "(" + target.replace('\n', ' ') + ").";
                out.append(code, i, close + 1).append(';').append(code, close + 1, brace).append('{');
                out.append(items(code.substring(brace + 1, end), receiver)).append('}');
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** "setA(1), setB(2)" → "(r).setA(1); (r).setB(2);", commas inside brackets and strings kept. */
    private static String items(String body, String receiver) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(body, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                item(out, body.substring(start, i), receiver);
                start = i + 1;
            }
        }
        item(out, body.substring(start), receiver);
        return out.toString();
    }

    private static void item(StringBuilder out, String item, String receiver) {
        if (item.isBlank()) {
            out.append(item);
            return;
        }
        int lead = 0;
        while (Character.isWhitespace(item.charAt(lead))) {
            lead++;
        }
        out.append(item, 0, lead).append(receiver).append(item.substring(lead)).append(';');
    }

    private static int matching(String code, int at, char open, char close) {
        int depth = 0;
        for (int i = at; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(code, i) - 1;
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipString(String code, int at) {
        char quote = code.charAt(at);
        int i = at + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    private static int skipSpace(String code, int at) {
        int i = at;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineEnd(String code, int at) {
        int end = code.indexOf('\n', at);
        return end < 0 ? code.length() : end;
    }

    private static int blockCommentEnd(String code, int at) {
        int end = code.indexOf("*/", at + 2);
        return end < 0 ? code.length() : end + 2;
    }
}
