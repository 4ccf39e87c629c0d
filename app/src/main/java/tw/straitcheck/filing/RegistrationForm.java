package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.straitcheck.checking.facts.ActivityCategory;
import tw.straitcheck.checking.facts.AgreementKind;
import tw.straitcheck.checking.facts.Codes;
import tw.straitcheck.checking.facts.FundingSource;
import tw.straitcheck.checking.facts.FundingSupport;
import tw.straitcheck.checking.facts.Held;
import tw.straitcheck.checking.facts.Mode;
import tw.straitcheck.checking.facts.Rank;
import tw.straitcheck.checking.facts.SpecialIdentity;
import tw.straitcheck.submission.Submission;

/**
 * The school's registration form (教育交流活動登錄, submission.md section 1) and the submission JSON
 * the API takes, both ways: what is typed becomes exactly the JSON {@code POST /api/checks} and
 * {@code POST /api/submissions} read, so the pages check and file through the same reader and
 * rules; a kept registration becomes the form again (a correction, a change notice).
 * Nothing is judged here: a number that is not one, a blank required field, stays as typed or
 * is left out, and the reader names the error at the field's own path.
 * The civil-servant questions of a leader are sent only when the leader is one (the handbook asks
 * them only then), whatever the form still holds.
 */
public final class RegistrationForm {

    /** The coded answers of the form, by the name the pages' labels use ({@code page.school.code.<name>.<CODE>}). */
    public static final Map<String, List<String>> CODES = codes();

    /** At most this many rows of locations, leaders or funding on the form. */
    static final int MAX_ROWS = 30;

    static final List<String> ROWS = List.of("locations", "leaders", "funding");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、;；\\n]");

    private RegistrationForm() {
    }

    private static Map<String, List<String>> codes() {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put("scope", List.of("SINGLE", "MULTIPLE"));
        codes.put("mode", Codes.names(Mode.class));
        codes.put("category", Codes.names(ActivityCategory.class));
        codes.put("rank", Codes.names(Rank.class));
        codes.put("identity", Codes.names(SpecialIdentity.class));
        codes.put("source", Codes.names(FundingSource.class));
        codes.put("support", Codes.names(FundingSupport.class));
        codes.put("agreement", Codes.names(AgreementKind.class));
        codes.put("held", Codes.names(Held.class));
        return Map.copyOf(codes);
    }

    /** The registration the form describes, for the school it is filed for. */
    public static ObjectNode toJson(FormValues form, String schoolCode, String schoolName) {
        ObjectNode json = NODES.objectNode();
        json.put("type", Submission.ExchangeActivity.TYPE);
        ObjectNode school = json.putObject("school");
        school.put("code", schoolCode);
        school.put("name", schoolName);
        bool(school, "publicSchool", form.get("school.publicSchool"));
        text(json, "activityName", form.get("activityName"));
        ArrayNode locations = json.putArray("locations");
        for (int i = 0; i < form.rows("locations"); i++) {
            String p = "locations[" + i + "].";
            if (form.blank(p + "province") && form.blank(p + "city")) {
                continue;
            }
            ObjectNode location = locations.addObject();
            text(location, "province", form.get(p + "province"));
            text(location, "city", form.get(p + "city"));
        }
        ObjectNode units = json.putObject("internalUnits");
        text(units, "scope", form.get("internalUnits.scope"));
        units.set("names", list(form.get("internalUnits.names")));
        text(json, "mode", form.get("mode"));
        text(json, "modeNote", form.get("modeNote"));
        ArrayNode categories = json.putArray("categories");
        form.all("categories").forEach(categories::add);
        text(json, "categoryNote", form.get("categoryNote"));
        ObjectNode organizers = json.putObject("organizers");
        for (String f : List.of("hostUnit", "hostPhone", "executingUnit", "executingPhone")) {
            text(organizers, f, form.get("organizers." + f));
        }
        json.set("mainlandPartners", list(form.get("mainlandPartners")));
        ObjectNode activity = json.putObject("activityPeriod");
        date(activity, "start", form.get("activityPeriod.start"));
        date(activity, "end", form.get("activityPeriod.end"));
        if (!form.blank("travelPeriod.departure") || !form.blank("travelPeriod.return")) {
            ObjectNode travel = json.putObject("travelPeriod");
            date(travel, "departure", form.get("travelPeriod.departure"));
            date(travel, "return", form.get("travelPeriod.return"));
        }
        text(json, "itineraryText", form.get("itineraryText"));
        ObjectNode participants = json.putObject("participants");
        for (String f : List.of("students", "teachers", "others")) {
            number(participants, f, form.get("participants." + f));
        }
        json.put("exchangeStudentProgram", form.has("exchangeStudentProgram", "true"));
        ArrayNode leaders = json.putArray("leaders");
        for (int i = 0; i < form.rows("leaders"); i++) {
            leader(form, "leaders[" + i + "].", leaders);
        }
        json.put("selfCheckCompleted", form.has("selfCheckCompleted", "true"));
        ArrayNode funding = json.putArray("funding");
        for (int i = 0; i < form.rows("funding"); i++) {
            String p = "funding[" + i + "].";
            if (List.of("source", "agency", "support", "amount", "note").stream().allMatch(f -> form.blank(p + f))) {
                continue;
            }
            ObjectNode entry = funding.addObject();
            text(entry, "source", form.get(p + "source"));
            text(entry, "agency", form.get(p + "agency"));
            if ("MAINLAND".equals(form.get(p + "source"))) {
                text(entry, "support", form.get(p + "support"));
            }
            number(entry, "amount", form.get(p + "amount"));
            text(entry, "note", form.get(p + "note"));
        }
        bool(json, "announcedOnCampus", form.get("announcedOnCampus"));
        if (!form.blank("agreement.kind")) {
            ObjectNode agreement = json.putObject("agreement");
            text(agreement, "kind", form.get("agreement.kind"));
            text(agreement, "partnerSchool", form.get("agreement.partnerSchool"));
            date(agreement, "declaredToMoeOn", form.get("agreement.declaredToMoeOn"));
            date(agreement, "plannedSigningDate", form.get("agreement.plannedSigningDate"));
            text(agreement, "text", form.get("agreement.text"));
        }
        return json;
    }

    private static void leader(FormValues form, String p, ArrayNode leaders) {
        List<String> fields = List.of("name", "unit", "title", "phone", "email", "civilServant");
        if (fields.stream().allMatch(f -> form.blank(p + f))) {
            return;
        }
        ObjectNode leader = leaders.addObject();
        for (String f : List.of("name", "unit", "title", "phone", "email")) {
            text(leader, f, form.get(p + f));
        }
        bool(leader, "civilServant", form.get(p + "civilServant"));
        if ("true".equals(form.get(p + "civilServant"))) {
            text(leader, "rank", form.get(p + "rank"));
            bool(leader, "agencyHead", form.get(p + "agencyHead"));
            ArrayNode identities = leader.putArray("specialIdentities");
            form.all(p + "specialIdentities").forEach(identities::add);
            bool(leader, "plannedStudy", form.get(p + "plannedStudy"));
        }
    }

    /** The form as a kept registration (its JSON) fills it: a correction or a change starts from it. */
    public static FormValues fromJson(JsonNode r) {
        FormValues form = new FormValues();
        put(form, "school.publicSchool", r.path("school").path("publicSchool"));
        put(form, "activityName", r.path("activityName"));
        JsonNode locations = r.path("locations");
        form.set("locations.count", String.valueOf(Math.max(1, locations.size())));
        for (int i = 0; i < locations.size(); i++) {
            put(form, "locations[" + i + "].province", locations.get(i).path("province"));
            put(form, "locations[" + i + "].city", locations.get(i).path("city"));
        }
        put(form, "internalUnits.scope", r.path("internalUnits").path("scope"));
        form.set("internalUnits.names", joined(r.path("internalUnits").path("names")));
        put(form, "mode", r.path("mode"));
        put(form, "modeNote", r.path("modeNote"));
        r.path("categories").forEach(c -> form.add("categories", c.asText()));
        put(form, "categoryNote", r.path("categoryNote"));
        r.path("organizers").fields().forEachRemaining(e -> put(form, "organizers." + e.getKey(), e.getValue()));
        form.set("mainlandPartners", joined(r.path("mainlandPartners")));
        put(form, "activityPeriod.start", r.path("activityPeriod").path("start"));
        put(form, "activityPeriod.end", r.path("activityPeriod").path("end"));
        put(form, "travelPeriod.departure", r.path("travelPeriod").path("departure"));
        put(form, "travelPeriod.return", r.path("travelPeriod").path("return"));
        put(form, "itineraryText", r.path("itineraryText"));
        r.path("participants").fields().forEachRemaining(e -> put(form, "participants." + e.getKey(), e.getValue()));
        if (r.path("exchangeStudentProgram").asBoolean(false)) {
            form.add("exchangeStudentProgram", "true");
        }
        JsonNode leaders = r.path("leaders");
        form.set("leaders.count", String.valueOf(Math.max(1, leaders.size())));
        for (int i = 0; i < leaders.size(); i++) {
            String p = "leaders[" + i + "].";
            JsonNode leader = leaders.get(i);
            for (String f : List.of("name", "unit", "title", "phone", "email", "civilServant", "rank", "agencyHead",
                    "plannedStudy")) {
                put(form, p + f, leader.path(f));
            }
            leader.path("specialIdentities").forEach(s -> form.add(p + "specialIdentities", s.asText()));
        }
        if (r.path("selfCheckCompleted").asBoolean(false)) {
            form.add("selfCheckCompleted", "true");
        }
        JsonNode funding = r.path("funding");
        form.set("funding.count", String.valueOf(Math.max(1, funding.size())));
        for (int i = 0; i < funding.size(); i++) {
            for (String f : List.of("source", "agency", "support", "amount", "note")) {
                put(form, "funding[" + i + "]." + f, funding.get(i).path(f));
            }
        }
        put(form, "announcedOnCampus", r.path("announcedOnCampus"));
        JsonNode agreement = r.path("agreement");
        for (String f : List.of("kind", "partnerSchool", "declaredToMoeOn", "plannedSigningDate", "text")) {
            put(form, "agreement." + f, agreement.path(f));
        }
        return form;
    }

    /** A typed date as the JSON's ISO date: 2026/7/6 and 2026-07-06 alike; anything else as typed. */
    static String isoDate(String typed) {
        Matcher m = SLASHED_DATE.matcher(typed);
        if (!m.matches()) {
            return typed;
        }
        return "%s-%02d-%02d".formatted(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static void put(FormValues form, String name, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            form.set(name, value.asText());
        }
    }

    private static String joined(JsonNode list) {
        StringBuilder joined = new StringBuilder();
        list.forEach(n -> joined.append(joined.length() == 0 ? "" : "、").append(n.asText()));
        return joined.toString();
    }

    private static void text(ObjectNode json, String field, String value) {
        if (!value.isEmpty()) {
            json.put(field, value);
        }
    }

    static void date(ObjectNode json, String field, String value) {
        if (!value.isEmpty()) {
            json.put(field, isoDate(value));
        }
    }

    /** A whole number as a number; anything else typed stays text, which the reader refuses at its field. */
    static void number(ObjectNode json, String field, String value) {
        String digits = value.replace(",", "");
        if (WHOLE_NUMBER.matcher(digits).matches()) {
            json.put(field, Long.parseLong(digits));
        } else if (!value.isEmpty()) {
            json.put(field, value);
        }
    }

    private static void bool(ObjectNode json, String field, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            json.put(field, Boolean.parseBoolean(value));
        }
    }

    private static ArrayNode list(String typed) {
        ArrayNode list = NODES.arrayNode();
        Arrays.stream(LIST_SEPARATOR.split(typed)).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
        return list;
    }
}
