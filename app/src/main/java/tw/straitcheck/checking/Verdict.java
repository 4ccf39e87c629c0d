package tw.straitcheck.checking;

import java.util.Collection;

/**
 * The verdict on a submission (submission.md section 5): NON_COMPLIANT when any finding is a
 * violation, otherwise NEEDS_REVIEW when any is a flag, otherwise COMPLIANT. Obligations and
 * information never change it.
 */
public enum Verdict {
    COMPLIANT, NEEDS_REVIEW, NON_COMPLIANT;

    public static Verdict of(Collection<FindingKind> kinds) {
        if (kinds.contains(FindingKind.VIOLATION)) {
            return NON_COMPLIANT;
        }
        return kinds.contains(FindingKind.FLAG) ? NEEDS_REVIEW : COMPLIANT;
    }
}
