package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** A change notice (活動變更通報): the day the change occurred. */
public record ChangeNotice(LocalDate changeOccurredOn) {
}
