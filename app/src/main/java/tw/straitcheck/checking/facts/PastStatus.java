package tw.straitcheck.checking.facts;

/** Where a stored record stands (test-case-format.md {@code history:} "status"). */
public enum PastStatus {
    APPROVED, REJECTED, RETURNED, IN_REVIEW, ACCEPTED, WITHDRAWN
}
