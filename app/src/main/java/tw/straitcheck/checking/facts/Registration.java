package tw.straitcheck.checking.facts;

import java.time.LocalDate;
import java.util.Set;

/** An exchange activity registration as submitted, or as it stands after a change notice
 * ({@code pathPrefix} "changes."). In a change notice a field that was not given is null: the rules
 * then decide nothing that needs it. */
public record Registration(String pathPrefix, Mode mode, Set<ActivityCategory> categories, LocalDate activityStart, LocalDate activityEnd, LocalDate departure, LocalDate returnDate, Integer students, Boolean exchangeStudentProgram, Boolean selfCheckCompleted, Boolean publicSchool) {

    public Registration {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }
}
