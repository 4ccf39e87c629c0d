package tw.straitcheck.checking.facts;

/** Who applies for a subsidy (submission.md 6 "applicant.kind"; SUBSIDY 2 names who may). */
public enum ApplicantKind {
    SCHOOL, RESEARCH_INSTITUTE, MOE_SOCIAL_EDUCATION_INSTITUTION, ACADEMIC_ASSOCIATION, EDUCATION_FOUNDATION,
    SOCIAL_EDUCATION_GROUP, OTHER
}
