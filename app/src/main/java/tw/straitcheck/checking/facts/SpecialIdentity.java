package tw.straitcheck.checking.facts;


/**
 * The identities of ACT art 9(4), by code. Which subparagraph (款) each one is, and what follows
 * from that (the art 91(4) fine), is data that policy staff keep in
 * {@code rules/act/art-9-entry-permits/special-identities.yaml}; the rulebase refuses to load when
 * that list and these codes differ. The submission reader validates {@code specialIdentities}
 * against these codes.
 */
public enum SpecialIdentity {
    POLITICAL_APPOINTEE_OR_MAYOR,
    NATIONAL_SECURITY_PERSONNEL,
    ENTRUSTED_SECURITY_PERSONNEL,
    FORMER_WITHIN_3_YEARS,
    COUNTY_MAGISTRATE,
    CORE_KEY_TECHNOLOGY_PERSONNEL
}
