package tw.straitcheck.checking.facts;

/** The activity's categories (submission.md "categories"). */
public enum ActivityCategory {
    ACADEMIC_CAMP, ACADEMIC_VISIT_STUDY, SISTER_SCHOOL, STUDENT_EXCHANGE, SEMINAR, INTERNSHIP, ACADEMIC_OTHER,
    SPORTS_EVENT, SPORTS_OTHER, YOUTH_ENTREPRENEURSHIP, YOUTH_FORUM, STUDENT_UNION, YOUTH_OTHER
}
