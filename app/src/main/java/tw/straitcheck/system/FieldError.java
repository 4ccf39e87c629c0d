package tw.straitcheck.system;

/** One field's problem, in zh-TW and English; {@code field} is a path like {@code leaders[0].rank}. */
public record FieldError(String field, String zh, String en) {
}
