package tw.straitcheck.checking.facts;

/**
 * A list entry found in a text field: which list, where, the original value and the text around the
 * match; {@code counterpartsOnly} when the entry names a political body only in a counterpart field.
 */
public record KeywordHit(String list, String path, String value, String keyword, String category, String context,
        boolean counterpartsOnly) {

    public KeywordHit(String list, String path, String value, String keyword, String category, String context) {
        this(list, path, value, keyword, category, context, false);
    }
}
