package tw.straitcheck.checking.dates;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One named setting of {@code rules/periods.yaml}: its length(s), whether it counts before or after
 * the date it hangs on, whether a last day that is a day off moves to the next working day
 * ({@code roll}), and the reference to the text that sets it.
 */
public record NamedPeriod(String name, List<Period> lengths, Direction direction, Roll roll, String reference) {

    public enum Direction { BEFORE, AFTER }

    /**
     * What happens to a due date that falls on a day off in the office calendar. 行政程序法 第48條第4項:
     * 期間之末日為星期日、國定假日或其他休息日者，以該日之次日為期間之末日 — a school's own forward
     * filing deadline ends on the next working day ({@code next-working-day}); deadlines counted back
     * from an event, and bars, do not move ({@code none}, the default).
     */
    public enum Roll {
        NONE("none"), NEXT_WORKING_DAY("next-working-day");

        private final String setting;

        Roll(String setting) {
            this.setting = setting;
        }

        /** The setting as periods.yaml writes it; null or absent is {@link #NONE}; anything else is refused. */
        public static Roll parse(String periodName, String text) {
            if (text == null) {
                return NONE;
            }
            String s = text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(r -> r.setting.equals(s)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("period '" + periodName + "': unknown roll '" + text
                            + "' (write roll: next-working-day, or leave it out for none)"));
        }

        public String setting() {
            return setting;
        }
    }

    public NamedPeriod {
        lengths = List.copyOf(lengths);
        roll = roll == null ? Roll.NONE : roll;
        if (lengths.isEmpty()) {
            throw new IllegalArgumentException("period '" + name + "' has no length");
        }
        if (direction == Direction.AFTER && lengths.stream().anyMatch(l -> l.unit() == Period.Unit.CLEAR_WORKING_DAYS)) {
            throw new IllegalArgumentException("period '" + name + "': clear working days are counted before a date only");
        }
        if (roll != Roll.NONE && direction != Direction.AFTER) {
            // 行政程序法 48(4) ends a period that runs forward; a deadline counted back from an event never rolls
            throw new IllegalArgumentException("period '" + name + "': roll: " + roll.setting()
                    + " applies to a period counted after a date only");
        }
        if (roll != Roll.NONE && lengths.size() != 1) {
            throw new IllegalArgumentException("period '" + name + "': a series of dates cannot roll");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("period '" + name + "' has no reference to its source");
        }
    }

    /** A period that does not roll. */
    public NamedPeriod(String name, List<Period> lengths, Direction direction, String reference) {
        this(name, lengths, direction, Roll.NONE, reference);
    }
}
