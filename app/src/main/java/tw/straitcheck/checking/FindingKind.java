package tw.straitcheck.checking;

/** What a finding is, most severe first. */
public enum FindingKind {
    VIOLATION, FLAG, OBLIGATION, INFO
}
