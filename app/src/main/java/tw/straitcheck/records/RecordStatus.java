package tw.straitcheck.records;

/**
 * Where a record stands, borrowed from the immigration agency's case system (seed 003: 新申請、
 * 待補件、不核准、案件撤銷) and the handbook. A compliant submission is ACCEPTED at once; one with
 * a flag or a violation goes IN_REVIEW.
 */
public enum RecordStatus {
    ACCEPTED, IN_REVIEW, RETURNED, REJECTED, WITHDRAWN,
    /** A subsidy application the ministry approved, with its approved amount (核定). */
    APPROVED;

    /** Not yet decided: a reviewer has not cleared or rejected it. The school may still withdraw. */
    public boolean undecided() {
        return this == IN_REVIEW || this == RETURNED;
    }

    /** Records that can still take a change notice, a resubmission or a post-activity report. */
    public boolean open() {
        return this != REJECTED && this != WITHDRAWN;
    }
}
