package tw.straitcheck.checking.facts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The data list of ACT art 9(4) identities ({@code rules/act/art-9-entry-permits/special-identities.yaml}):
 * each identity's subparagraph, and the subparagraphs whose holders art 91(4) fines for a missing
 * return report. Used by the DRL as the global {@code identities}; it decides nothing itself.
 */
public final class SpecialIdentities {

    private final Map<SpecialIdentity, Integer> subparagraphs;
    private final String returnReportPenalty;
    private final Set<SpecialIdentity> finedForMissingReturnReport;

    public SpecialIdentities(Map<SpecialIdentity, Integer> subparagraphs, String returnReportPenalty,
            Set<Integer> returnReportFineSubparagraphs) {
        this.subparagraphs = Collections.unmodifiableMap(new EnumMap<>(subparagraphs));
        this.returnReportPenalty = returnReportPenalty;
        EnumSet<SpecialIdentity> fined = EnumSet.noneOf(SpecialIdentity.class);
        subparagraphs.forEach((identity, n) -> {
            if (returnReportFineSubparagraphs.contains(n)) {
                fined.add(identity);
            }
        });
        this.finedForMissingReturnReport = Collections.unmodifiableSet(fined);
    }

    /** The subparagraph (款) of art 9(4) that names the identity. */
    public int subparagraph(SpecialIdentity identity) {
        return subparagraphs.get(identity);
    }

    /** The penalty reference ("ACT art 91(4)") for a missing return report. */
    public String returnReportPenalty() {
        return returnReportPenalty;
    }

    /**
     * The penalty reference of ACT art 91(4) when one of {@code identities} is of a subparagraph it
     * fines for a missing return report; null when none is.
     */
    public String returnReportPenaltyFor(Set<SpecialIdentity> identities) {
        for (SpecialIdentity identity : identities) {
            if (finedForMissingReturnReport.contains(identity)) {
                return returnReportPenalty;
            }
        }
        return null;
    }
}
