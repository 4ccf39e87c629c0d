package tw.straitcheck.submission;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tw.straitcheck.system.FieldError;
import tw.straitcheck.system.JsonBodies;
import tw.straitcheck.system.Localized;

/**
 * Reads single values out of the JSON tree and records what is wrong with them instead of
 * throwing, so that a submission's errors are all reported at once. Every method returns null when
 * the value is missing or wrong; the {@code required...} ones also record "required" when it is
 * missing, the {@code optional...} ones accept that.
 */
final class FieldReader {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** The field's error: the message {@code key} with {@code args} (see {@link tw.straitcheck.system.Messages}). */
    void error(Field field, String key, Object... args) {
        errors.add(FieldError.of(field.path(), key, args));
    }

    void error(Field field, Localized text) {
        errors.add(new FieldError(field.path(), text));
    }

    void errors(List<FieldError> more) {
        errors.addAll(more);
    }

    // --- text

    String requiredText(Field field) {
        return isMissing(field) ? null : text(field);
    }

    String optionalText(Field field) {
        return field.isAbsent() ? null : text(field);
    }

    /** Text of at most {@code maxLength} characters (code points, so that 𠀀 counts once). */
    String requiredText(Field field, int maxLength) {
        return isMissing(field) ? null : text(field, maxLength);
    }

    String optionalText(Field field, int maxLength) {
        return field.isAbsent() ? null : text(field, maxLength);
    }

    String requiredOneOf(Field field, List<String> allowed) {
        return isMissing(field) ? null : oneOf(field, allowed);
    }

    String optionalOneOf(Field field, List<String> allowed) {
        return field.isAbsent() ? null : oneOf(field, allowed);
    }

    /** Text within the field's limit ({@link FieldLimits}), without NUL (PostgreSQL cannot store it). */
    private String text(Field field) {
        return text(field, FieldLimits.text(field.path()));
    }

    private String text(Field field, int maxLength) {
        if (!field.node().isTextual()) {
            error(field, "field.text");
            return null;
        }
        String text = field.node().textValue().strip();
        String unstorable = JsonBodies.unstorable(text);
        if (unstorable != null) {
            error(field, unstorable);
            return null;
        }
        maxLength = Math.min(maxLength, FieldLimits.text(field.path()));
        if (text.codePointCount(0, text.length()) > maxLength) {
            error(field, "field.max-length", maxLength);
            return null;
        }
        return text;
    }

    private String oneOf(Field field, List<String> allowed) {
        String text = field.node().isTextual() && field.node().textValue().length() <= 64
                ? field.node().textValue().strip() : null;
        if (text == null || !allowed.contains(text)) {
            error(field, "field.one-of", String.join("、", allowed), String.join(", ", allowed));
            return null;
        }
        return text;
    }

    // --- booleans, numbers, dates

    Boolean requiredBoolean(Field field) {
        return isMissing(field) ? null : bool(field);
    }

    Boolean optionalBoolean(Field field) {
        return field.isAbsent() ? null : bool(field);
    }

    private Boolean bool(Field field) {
        if (!field.node().isBoolean()) {
            error(field, "field.boolean");
            return null;
        }
        return field.node().booleanValue();
    }

    /** A head count: a whole number, 0 or more. */
    Integer requiredCount(Field field) {
        if (isMissing(field)) {
            return null;
        }
        Long value = wholeNumber(field);
        if (value != null && value > Integer.MAX_VALUE) {
            error(field, "field.too-large");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    Integer optionalCount(Field field) {
        return field.isAbsent() ? null : requiredCount(field);
    }

    /** An amount in whole New Taiwan dollars, 0 or more. */
    Long requiredAmount(Field field) {
        return isMissing(field) ? null : wholeNumber(field);
    }

    Long optionalAmount(Field field) {
        return field.isAbsent() ? null : wholeNumber(field);
    }

    private Long wholeNumber(Field field) {
        var node = field.node();
        // 20.0 is accepted as 20: JSON does not tell the two apart, and some producers write it so.
        boolean whole = node.isIntegralNumber() || (node.isNumber() && node.canConvertToExactIntegral());
        if (!whole || !node.canConvertToLong() || node.longValue() < 0) {
            error(field, "field.count");
            return null;
        }
        return node.longValue();
    }

    LocalDate requiredDate(Field field) {
        return isMissing(field) ? null : date(field);
    }

    LocalDate optionalDate(Field field) {
        return field.isAbsent() ? null : date(field);
    }

    /** Strictly YYYY-MM-DD and a real day: 2026-7-6 and 2026-02-30 are both refused. */
    private LocalDate date(Field field) {
        String text = field.node().isTextual() ? field.node().textValue().strip() : "";
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        error(field, "field.date");
        return null;
    }

    // --- objects and lists

    /** The field itself when it is an object, else null. */
    Field requiredObject(Field field) {
        return isMissing(field) ? null : object(field);
    }

    Field optionalObject(Field field) {
        return field.isAbsent() ? null : object(field);
    }

    private Field object(Field field) {
        if (!field.node().isObject()) {
            error(field, "field.object");
            return null;
        }
        return field;
    }

    /** The elements of a list that may be empty; null when the field is missing or not a list. */
    List<Field> requiredList(Field field) {
        if (isMissing(field)) {
            return null;
        }
        if (!field.node().isArray()) {
            error(field, "field.list");
            return null;
        }
        int max = FieldLimits.list(field.path());
        if (field.node().size() > max) {
            // refused before any entry is read: a flood costs no more than counting it
            error(field, "field.max-entries", max);
            return null;
        }
        List<Field> elements = new ArrayList<>();
        for (int i = 0; i < field.node().size(); i++) {
            elements.add(field.element(i));
        }
        return elements;
    }

    /** The elements of a list that must have at least one. */
    List<Field> nonEmptyList(Field field) {
        List<Field> elements = requiredList(field);
        if (elements != null && elements.isEmpty()) {
            error(field, "field.non-empty");
            return null;
        }
        return elements;
    }

    private boolean isMissing(Field field) {
        if (field.isAbsent()) {
            error(field, "field.required");
            return true;
        }
        return false;
    }
}
