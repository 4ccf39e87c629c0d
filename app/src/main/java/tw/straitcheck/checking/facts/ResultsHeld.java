package tw.straitcheck.checking.facts;

/** Whether a subsidised activity was held as planned (submission.md 7 "held"; SUBSIDY 6(2)). */
public enum ResultsHeld {
    AS_PLANNED, NOT_HELD, LOCATION_CHANGED_WITH_CONSENT, LOCATION_CHANGED_WITHOUT_CONSENT
}
