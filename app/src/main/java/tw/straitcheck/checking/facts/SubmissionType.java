package tw.straitcheck.checking.facts;

/** What was filed (submission.md "type"). */
public enum SubmissionType {
    EXCHANGE_ACTIVITY, CHANGE, POST_ACTIVITY_REPORT, ANNOUNCEMENT, SUBSIDY_APPLICATION, RESULTS_REPORT
}
