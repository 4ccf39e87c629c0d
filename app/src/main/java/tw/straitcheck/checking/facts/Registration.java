package tw.straitcheck.checking.facts;

import java.time.LocalDate;
import java.util.Set;

/** An exchange activity registration as submitted, or as it stands after a change notice
 * ({@code pathPrefix} "changes."). In a change notice a field that was not given is null: the rules
 * then decide nothing that needs it. */
public final class Registration {

    private final String pathPrefix;
    private final String mode;
    private final Set<String> categories;
    private final LocalDate activityStart;
    private final LocalDate activityEnd;
    private final LocalDate departure;
    private final LocalDate returnDate;
    private final Integer students;
    private final Boolean exchangeStudentProgram;
    private final Boolean selfCheckCompleted;
    private final Boolean publicSchool;

    public Registration(String pathPrefix, String mode, Set<String> categories, LocalDate activityStart, LocalDate activityEnd, LocalDate departure, LocalDate returnDate, Integer students, Boolean exchangeStudentProgram, Boolean selfCheckCompleted, Boolean publicSchool) {
        this.pathPrefix = pathPrefix;
        this.mode = mode;
        this.categories = categories == null ? Set.of() : Set.copyOf(categories);
        this.activityStart = activityStart;
        this.activityEnd = activityEnd;
        this.departure = departure;
        this.returnDate = returnDate;
        this.students = students;
        this.exchangeStudentProgram = exchangeStudentProgram;
        this.selfCheckCompleted = selfCheckCompleted;
        this.publicSchool = publicSchool;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public String getMode() {
        return mode;
    }

    public Set<String> getCategories() {
        return categories;
    }

    public LocalDate getActivityStart() {
        return activityStart;
    }

    public LocalDate getActivityEnd() {
        return activityEnd;
    }

    public LocalDate getDeparture() {
        return departure;
    }

    public LocalDate getReturnDate() {
        return returnDate;
    }

    public Integer getStudents() {
        return students;
    }

    public Boolean getExchangeStudentProgram() {
        return exchangeStudentProgram;
    }

    public Boolean getSelfCheckCompleted() {
        return selfCheckCompleted;
    }

    public Boolean getPublicSchool() {
        return publicSchool;
    }

    @Override
    public String toString() {
        return "Registration[" + "pathPrefix=" + pathPrefix + ", " + "mode=" + mode + ", " + "categories=" + categories + ", " + "activityStart=" + activityStart + ", " + "activityEnd=" + activityEnd + ", " + "departure=" + departure + ", " + "returnDate=" + returnDate + ", " + "students=" + students + ", " + "exchangeStudentProgram=" + exchangeStudentProgram + ", " + "selfCheckCompleted=" + selfCheckCompleted + ", " + "publicSchool=" + publicSchool + "]";
    }
}
