package tw.straitcheck.checking.facts;

/** A civil servant's rank as ACT art 9(3) divides it: 簡任第十職等以下, or 第十一職等以上. */
public enum Rank {
    GRADE_10_OR_BELOW, GRADE_11_OR_ABOVE
}
