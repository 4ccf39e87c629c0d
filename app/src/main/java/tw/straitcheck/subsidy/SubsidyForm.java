package tw.straitcheck.subsidy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tw.straitcheck.submission.Submission;

/**
 * The subsidy application form (submission.md section 6) as typed: every field named by its path
 * in the submission ({@code applicant.financialTier}, {@code locations[0].province}), so the
 * submission's own errors land next to their fields, and written as the submission JSON. Blank
 * rows are no rows; partners are one a line; a value that is not a number is sent as typed, so the
 * check names the field.
 */
final class SubsidyForm {

    static final int LOCATION_ROWS = 3;
    static final int OTHER_SOURCE_ROWS = 2;
    static final List<String> DOCUMENTS = List.of("ACTIVITY_PLAN", "BUDGET_FORM", "ROSTER", "SEMINAR_PAPERS",
            "REGISTRATION_CERTIFICATE", "INVITATION_LETTER");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SubsidyForm() {
    }

    /** A new form for the actor's school: a school, its code filled in, a forum in the mainland. */
    static Map<String, String> blank(String schoolCode) {
        Map<String, String> values = new HashMap<>();
        values.put("applicant.kind", "SCHOOL");
        values.put("applicant.code", schoolCode);
        values.put("activityKind", "FORUM");
        values.put("venue", "MAINLAND");
        return values;
    }

    static ObjectNode json(Map<String, String> form) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", Submission.SubsidyApplication.TYPE);
        ObjectNode applicant = json.putObject("applicant");
        text(applicant, "kind", form, "applicant.kind");
        text(applicant, "code", form, "applicant.code");
        text(applicant, "name", form, "applicant.name");
        optionalText(applicant, "localGovernment", form, "applicant.localGovernment");
        number(applicant, "financialTier", form.get("applicant.financialTier"));
        optionalText(applicant, "registeredOn", form, "applicant.registeredOn");
        String nonProfit = value(form, "applicant.nonProfit");
        if (nonProfit.isEmpty()) {
            applicant.putNull("nonProfit");
        } else {
            applicant.put("nonProfit", Boolean.parseBoolean(nonProfit));
        }
        text(json, "activityName", form, "activityName");
        text(json, "purpose", form, "purpose");
        text(json, "activityKind", form, "activityKind");
        optionalText(json, "activityKindNote", form, "activityKindNote");
        text(json, "venue", form, "venue");
        ArrayNode locations = json.putArray("locations");
        for (int i = 0; i < LOCATION_ROWS; i++) {
            String province = value(form, "locations[" + i + "].province");
            String city = value(form, "locations[" + i + "].city");
            if (!province.isEmpty() || !city.isEmpty()) {
                ObjectNode location = locations.addObject().put("province", province);
                if (city.isEmpty()) {
                    location.putNull("city");
                } else {
                    location.put("city", city);
                }
            }
        }
        if (locations.isEmpty() && !"MAINLAND".equals(value(form, "venue"))) {
            json.remove("locations");
        }
        ArrayNode partners = json.putArray("partners");
        value(form, "partners").lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(partners::add);
        json.put("nationalEvent", form.containsKey("nationalEvent"));
        ObjectNode period = json.putObject("activityPeriod");
        text(period, "start", form, "activityPeriod.start");
        text(period, "end", form, "activityPeriod.end");
        optionalText(json, "itineraryText", form, "itineraryText");
        ObjectNode participants = json.putObject("participants");
        number(participants, "count", form.get("participants.count"));
        number(participants, "students", form.get("participants.students"));
        ObjectNode budget = json.putObject("budget");
        number(budget, "total", form.get("budget.total"));
        number(budget, "requestedFromMoe", form.get("budget.requestedFromMoe"));
        ArrayNode sources = budget.putArray("otherSources");
        for (int i = 0; i < OTHER_SOURCE_ROWS; i++) {
            String at = "budget.otherSources[" + i + "].";
            if (!value(form, at + "agency").isEmpty() || !value(form, at + "amount").isEmpty()) {
                ObjectNode source = sources.addObject().put("agency", value(form, at + "agency"));
                number(source, "amount", form.get(at + "amount"));
                source.put("mainland", form.containsKey(at + "mainland"));
            }
        }
        ArrayNode documents = json.putArray("documents");
        DOCUMENTS.stream().filter(d -> form.containsKey("documents." + d)).forEach(documents::add);
        optionalText(json, "relatedRegistrationId", form, "relatedRegistrationId");
        return json;
    }

    private static void text(ObjectNode node, String field, Map<String, String> form, String name) {
        node.put(field, value(form, name));
    }

    private static void optionalText(ObjectNode node, String field, Map<String, String> form, String name) {
        String value = value(form, name);
        if (value.isEmpty()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void number(ObjectNode node, String field, String typed) {
        String value = typed == null ? "" : typed.strip().replace(",", "");
        if (value.isEmpty()) {
            node.putNull(field);
            return;
        }
        try {
            node.put(field, Long.parseLong(value));
        } catch (NumberFormatException e) {
            node.put(field, typed);
        }
    }

    private static String value(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }
}
