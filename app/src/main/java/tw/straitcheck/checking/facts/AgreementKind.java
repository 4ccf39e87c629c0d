package tw.straitcheck.checking.facts;

/** ACT art 33-3(1): 締結聯盟 or 書面約定之合作行為. */
public enum AgreementKind {
    ALLIANCE, WRITTEN_COOPERATION
}
