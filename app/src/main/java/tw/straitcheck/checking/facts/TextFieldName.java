package tw.straitcheck.checking.facts;

/** The free-text fields the rules read, each with its name in the spec ("mainlandPartners"). */
public enum TextFieldName {
    ACTIVITY_NAME("activityName"),
    ITINERARY_TEXT("itineraryText"),
    CATEGORY_NOTE("categoryNote"),
    MODE_NOTE("modeNote"),
    MAINLAND_PARTNERS("mainlandPartners"),
    FUNDING_AGENCY("funding.agency"),
    AGREEMENT_PARTNER_SCHOOL("agreement.partnerSchool"),
    AGREEMENT_TEXT("agreement.text"),
    ATTACHMENT_TEXT("attachmentText"),
    /** A subsidy application's purpose (目的). */
    PURPOSE("purpose"),
    /** A subsidy application's partners (the other side's organisers). */
    PARTNERS("partners");

    private final String specName;

    TextFieldName(String specName) {
        this.specName = specName;
    }

    /** The field's name as the spec writes it. */
    public String specName() {
        return specName;
    }
}
