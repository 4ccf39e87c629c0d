package tw.straitcheck.system;

/** One field's problem, in zh-TW and English; {@code field} is a path like {@code leaders[0].rank}. */
public record FieldError(String field, String zh, String en) {

    public FieldError(String field, Localized text) {
        this(field, text.zh(), text.en());
    }

    /** The field's problem as the message {@code key} of {@link Messages} says it, with {@code args}. */
    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, Messages.of(key, args));
    }
}
