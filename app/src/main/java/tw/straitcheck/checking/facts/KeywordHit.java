package tw.straitcheck.checking.facts;

/**
 * A list entry found in a text field: which list, in which text, the entry, its category and the
 * original text around the match; {@code counterpartsOnly} when the entry names a political body
 * only in a counterpart field. The engine matches every text of a check against every list once,
 * before the rules fire, and inserts a hit as a fact; a rule picks the list and the texts it reads:
 * {@code KeywordHit( list == "political-bodies", text == $t )}.
 */
public record KeywordHit(String list, TextField text, String keyword, String category, String context,
        boolean counterpartsOnly) {

    public KeywordHit(String list, TextField text, String keyword, String category, String context) {
        this(list, text, keyword, category, context, false);
    }

    /** Where the text is: "mainlandPartners[1]". */
    public String path() {
        return text.getPath();
    }

    /** The text as the school wrote it. */
    public String value() {
        return text.getValue();
    }
}
