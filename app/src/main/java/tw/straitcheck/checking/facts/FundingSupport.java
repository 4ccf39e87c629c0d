package tw.straitcheck.checking.facts;

/** The form of the mainland side's support (HANDBOOK 參(三): 落地招待、全免費、其他). */
public enum FundingSupport {
    LANDING_HOSPITALITY, FULLY_FREE, OTHER
}
