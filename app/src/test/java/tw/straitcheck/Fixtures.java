package tw.straitcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** Submissions the tests start from, each for a school of the test's own. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /**
     * The example registration of the submission spec (activity 2026-07-06 to 07-10, travel 07-05 to
     * 07-11, one grade-10 civil-servant leader, landing hospitality, an agreement to sign 07-07).
     */
    public static ObjectNode specExample(String schoolCode) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/spec-example.json")) {
            ObjectNode json = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) json.get("school")).put("code", schoolCode);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec's example without the mainland hospitality and the agreement: COMPLIANT when filed on 2026-05-20. */
    public static ObjectNode compliantRegistration(String schoolCode) {
        ObjectNode json = specExample(schoolCode);
        ((ArrayNode) json.get("funding")).remove(1);
        json.remove("agreement");
        return json;
    }

    /** An announcement of mainland activity information, announced from {@code start} for a month. */
    public static ObjectNode announcement(String schoolCode, LocalDate start) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", "ANNOUNCEMENT");
        ObjectNode school = json.putObject("school");
        school.put("code", schoolCode);
        school.put("name", "國立澎湖高級海事水產職業學校");
        school.put("publicSchool", true);
        json.put("activityName", "陸方夏令營招生訊息");
        json.put("announcementMethod", "學校網站");
        ObjectNode period = json.putObject("announcementPeriod");
        period.put("start", start.toString());
        period.put("end", start.plusMonths(1).toString());
        json.put("selfCheckCompleted", true);
        json.put("acknowledgedGroupTravelRegistration", true);
        return json;
    }
}
