package tw.straitcheck.checking.facts;

/** Where a funding entry comes from (submission.md "funding[].source"). */
public enum FundingSource {
    OUR_SIDE, MAINLAND, SELF_PAID
}
