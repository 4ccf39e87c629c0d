package tw.straitcheck.checking.facts;

/** How the exchange takes place (submission.md "mode"): only VIDEO keeps the group at home. */
public enum Mode {
    VISIT, VIDEO, OTHER
}
