package tw.straitcheck.checking.facts;

/** A document attached to a subsidy application (SUBSIDY 4(1)1–6). */
public enum Document {
    ACTIVITY_PLAN, BUDGET_FORM, ROSTER, SEMINAR_PAPERS, REGISTRATION_CERTIFICATE, INVITATION_LETTER
}
