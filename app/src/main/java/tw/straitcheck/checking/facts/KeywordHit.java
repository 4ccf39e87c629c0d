package tw.straitcheck.checking.facts;

/** A list entry found in a text field: which list, where, the original value and the text around the match. */
public record KeywordHit(String list, String path, String value, String keyword, String category, String context) {
}
