package tw.straitcheck.checking.dates;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as the sources state it: "1 month", "3 days", "7 working days", or
 * "7 clear working days" (working days that lie strictly between two dates, counting neither).
 */
public record Period(int count, Unit unit) {

    public enum Unit { DAYS, MONTHS, WORKING_DAYS, CLEAR_WORKING_DAYS }

    private static final Pattern FORM = Pattern.compile(
            "(\\d+)\\s+(clear\\s+working\\s+days?|working\\s+days?|days?|months?)");

    public Period {
        if (count < 0) {
            throw new IllegalArgumentException("a period cannot be negative: " + count);
        }
    }

    public static Period parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a period: '" + text + "' (write e.g. '3 days', '1 month', '7 working days', '7 clear working days')");
        }
        String unit = m.group(2).replaceAll("\\s+", " ");
        Unit u = unit.startsWith("clear") ? Unit.CLEAR_WORKING_DAYS
                : unit.startsWith("working") ? Unit.WORKING_DAYS
                : unit.startsWith("day") ? Unit.DAYS
                : Unit.MONTHS;
        return new Period(Integer.parseInt(m.group(1)), u);
    }

    @Override
    public String toString() {
        String unit = unit().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return count + " " + (count == 1 ? unit.substring(0, unit.length() - 1) : unit);
    }
}
