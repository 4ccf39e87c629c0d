package tw.straitcheck.checking.facts;

import tw.straitcheck.checking.text.TextNormalizer;

/**
 * A free-text field of a submission: {@code field} names it ({@link TextFieldName#ITINERARY_TEXT},
 * {@link TextFieldName#MAINLAND_PARTNERS}), {@code path} locates this value ("mainlandPartners[1]"). Normalised once,
 * on first use, for all the lists it is matched against.
 */
public final class TextField {

    private final TextFieldName field;
    private final String path;
    private final String value;
    private TextNormalizer normalizedBy;
    private TextNormalizer.Normalized normalized;

    public TextField(TextFieldName field, String path, String value) {
        this.field = field;
        this.path = path;
        this.value = value;
    }

    public TextFieldName getField() {
        return field;
    }

    public String getPath() {
        return path;
    }

    public String getValue() {
        return value;
    }

    /** The value in matching form; normalised once per normaliser (one per rulebase). */
    public TextNormalizer.Normalized normalized(TextNormalizer normalizer) {
        if (normalized == null || normalizedBy != normalizer) {
            normalized = normalizer.of(value);
            normalizedBy = normalizer;
        }
        return normalized;
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }
}
