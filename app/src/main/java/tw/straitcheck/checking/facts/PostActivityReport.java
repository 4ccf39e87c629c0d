package tw.straitcheck.checking.facts;

import java.time.LocalDate;

/** A post-activity report (事後登錄): whether the activity was held, the registration's planned dates
 * when known, and the actual end date when it was held. */
public record PostActivityReport(Held held, LocalDate plannedEnd, LocalDate plannedReturn, LocalDate actualEnd) {
}
