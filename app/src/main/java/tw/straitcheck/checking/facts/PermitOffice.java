package tw.straitcheck.checking.facts;

import java.util.Locale;

/**
 * Where a leader of grade 10 or below applies (HANDBOOK 參(三)): an agency head to the direct
 * superior agency, a public-school teacher with an administrative post to the school, others to the
 * education authority. Each office's words are the message {@link #phraseKey()} in rules/messages/.
 */
public enum PermitOffice {
    DIRECT_SUPERIOR_AGENCY, SCHOOL, EDUCATION_AUTHORITY;

    /** "evidence.apply-to.direct-superior-agency". */
    public String phraseKey() {
        return "evidence.apply-to." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
