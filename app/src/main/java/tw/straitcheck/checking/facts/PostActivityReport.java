package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** A post-activity report (事後登錄): whether the activity was held, the registration's planned dates
 * when known, and the actual end date when it was held. */
public final class PostActivityReport {

    private final String held;
    private final LocalDate plannedEnd;
    private final LocalDate plannedReturn;
    private final LocalDate actualEnd;

    public PostActivityReport(String held, LocalDate plannedEnd, LocalDate plannedReturn, LocalDate actualEnd) {
        this.held = held;
        this.plannedEnd = plannedEnd;
        this.plannedReturn = plannedReturn;
        this.actualEnd = actualEnd;
    }

    public String getHeld() {
        return held;
    }

    public LocalDate getPlannedEnd() {
        return plannedEnd;
    }

    public LocalDate getPlannedReturn() {
        return plannedReturn;
    }

    public LocalDate getActualEnd() {
        return actualEnd;
    }

    @Override
    public String toString() {
        return "PostActivityReport[" + "held=" + held + ", " + "plannedEnd=" + plannedEnd + ", " + "plannedReturn=" + plannedReturn + ", " + "actualEnd=" + actualEnd + "]";
    }
}
