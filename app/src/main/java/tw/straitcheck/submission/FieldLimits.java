package tw.straitcheck.submission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one set of length limits for every text and list of a submission (README, "Field limits"),
 * enforced by {@link FieldReader} for {@code POST /api/checks} and filing alike, so that what a check
 * accepts can also be stored: {@code school.code} is {@code varchar(32)}, a receipt
 * {@code varchar(16)}; the spec's own limits (activityName ≤ 100, announcementMethod ≤ 200,
 * difficulties and reflections ≤ 200) stand as written. The other bounds are generous for any real
 * activity and stop a flood (250,000 partners, 20,000 leaders, a 100,000-character phone number).
 * Texts count code points; a change notice's {@code changes.*} fields have the registration's limits.
 */
public final class FieldLimits {

    /** A text not named below. */
    public static final int DEFAULT_TEXT = 200;
    /** The text a PDF upload fills in (itineraryText, attachmentText) and the agreement's text. */
    public static final int LONG_TEXT = 200_000;

    private static final Map<String, Integer> TEXTS = new LinkedHashMap<>();
    private static final Map<String, Integer> LISTS = new LinkedHashMap<>();

    static {
        TEXTS.put("school.code", 32);
        TEXTS.put("school.name", 100);
        TEXTS.put("activityName", 100);
        TEXTS.put("locations.province", 20);
        TEXTS.put("locations.city", 50);
        TEXTS.put("internalUnits.names", 100);
        TEXTS.put("modeNote", 200);
        TEXTS.put("categoryNote", 200);
        TEXTS.put("organizers.hostUnit", 100);
        TEXTS.put("organizers.hostPhone", 30);
        TEXTS.put("organizers.executingUnit", 100);
        TEXTS.put("organizers.executingPhone", 30);
        TEXTS.put("mainlandPartners", 100);
        TEXTS.put("itineraryText", LONG_TEXT);
        TEXTS.put("leaders.name", 50);
        TEXTS.put("leaders.unit", 100);
        TEXTS.put("leaders.title", 50);
        TEXTS.put("leaders.phone", 30);
        TEXTS.put("leaders.email", 254);
        TEXTS.put("funding.agency", 100);
        TEXTS.put("funding.note", 200);
        TEXTS.put("agreement.partnerSchool", 100);
        TEXTS.put("agreement.text", LONG_TEXT);
        TEXTS.put("registrationId", 16);
        TEXTS.put("reason", 1000);
        TEXTS.put("difficulties", 200);
        TEXTS.put("reflections", 200);
        TEXTS.put("announcementMethod", 200);
        TEXTS.put("attachmentText", LONG_TEXT);
        // 6. subsidy application
        TEXTS.put("applicant.code", 32);
        TEXTS.put("applicant.name", 100);
        TEXTS.put("applicant.localGovernment", 50);
        TEXTS.put("purpose", 1000);
        TEXTS.put("activityKindNote", 200);
        TEXTS.put("partners", 100);
        TEXTS.put("budget.otherSources.agency", 100);
        TEXTS.put("relatedRegistrationId", 16);
        // 7. results report
        TEXTS.put("subsidyId", 16);
        TEXTS.put("expenditure.item", 100);
        TEXTS.put("expenditure.note", 200);
        TEXTS.put("progress.item", 100);
        TEXTS.put("progress.delayReason", 200);
        TEXTS.put("outcomes.expected", 200);
        TEXTS.put("outcomes.note", 500);
        TEXTS.put("highlights", 5000);

        LISTS.put("locations", 50);
        LISTS.put("internalUnits.names", 50);
        LISTS.put("categories", 13);
        LISTS.put("mainlandPartners", 50);
        LISTS.put("leaders", 50);
        LISTS.put("leaders.specialIdentities", 6);
        LISTS.put("funding", 20);
        LISTS.put("partners", 50);
        LISTS.put("budget.otherSources", 20);
        LISTS.put("documents", 6);
        LISTS.put("expenditure", 50);
        LISTS.put("progress", 50);
        LISTS.put("outcomes", 50);
    }

    /** A list not named above. */
    public static final int DEFAULT_LIST = 50;

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private FieldLimits() {
    }

    /** The most characters the text at {@code path} ({@code leaders[3].phone}) may have. */
    public static int text(String path) {
        return TEXTS.getOrDefault(key(path), DEFAULT_TEXT);
    }

    /** The most entries the list at {@code path} may have. */
    public static int list(String path) {
        return LISTS.getOrDefault(key(path), DEFAULT_LIST);
    }

    /**
     * Every text limit (README's table, the fuzz test). Codes ({@code mode}, {@code leaders[].rank} …)
     * are not here: they are refused unless one of their list.
     */
    public static Map<String, Integer> texts() {
        return Map.copyOf(TEXTS);
    }

    public static Map<String, Integer> lists() {
        return Map.copyOf(LISTS);
    }

    /** {@code changes.leaders[3].phone} → {@code leaders.phone}. */
    static String key(String path) {
        String key = INDEX.matcher(path).replaceAll("");
        return key.startsWith("changes.") ? key.substring("changes.".length()) : key;
    }
}
