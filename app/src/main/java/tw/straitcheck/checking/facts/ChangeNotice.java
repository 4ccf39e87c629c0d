package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** A change notice (活動變更通報): the day the change occurred. */
public final class ChangeNotice {

    private final LocalDate changeOccurredOn;

    public ChangeNotice(LocalDate changeOccurredOn) {
        this.changeOccurredOn = changeOccurredOn;
    }

    public LocalDate getChangeOccurredOn() {
        return changeOccurredOn;
    }

    @Override
    public String toString() {
        return "ChangeNotice[" + "changeOccurredOn=" + changeOccurredOn + "]";
    }
}
