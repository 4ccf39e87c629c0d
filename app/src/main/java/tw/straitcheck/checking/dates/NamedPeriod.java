package tw.straitcheck.checking.dates;

import java.util.List;

/**
 * One named setting of {@code rules/periods.yaml}: its length(s), whether it counts before or after
 * the date it hangs on, and the reference to the text that sets it.
 */
public record NamedPeriod(String name, List<Period> lengths, Direction direction, String reference) {

    public enum Direction { BEFORE, AFTER }

    public NamedPeriod {
        lengths = List.copyOf(lengths);
        if (lengths.isEmpty()) {
            throw new IllegalArgumentException("period '" + name + "' has no length");
        }
        if (direction == Direction.AFTER && lengths.stream().anyMatch(l -> l.unit() == Period.Unit.CLEAR_WORKING_DAYS)) {
            throw new IllegalArgumentException("period '" + name + "': clear working days are counted before a date only");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("period '" + name + "' has no reference to its source");
        }
    }
}
