package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tw.straitcheck.submission.Submission;

/**
 * The announcement form (協助公告陸方活動訊息登錄, submission.md section 4) as the submission
 * JSON, for the school it is filed for: what is announced, how and when, and the two declarations.
 */
final class AnnouncementForm {

    private AnnouncementForm() {
    }

    static ObjectNode toJson(FormValues form, String schoolCode, String schoolName) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", Submission.Announcement.TYPE);
        ObjectNode school = json.putObject("school");
        school.put("code", schoolCode);
        school.put("name", schoolName);
        if (form.get("school.publicSchool").matches("true|false")) {
            school.put("publicSchool", Boolean.parseBoolean(form.get("school.publicSchool")));
        }
        for (String field : new String[] {"activityName", "announcementMethod", "attachmentText"}) {
            if (!form.blank(field)) {
                json.put(field, form.get(field));
            }
        }
        ObjectNode period = json.putObject("announcementPeriod");
        RegistrationForm.date(period, "start", form.get("announcementPeriod.start"));
        RegistrationForm.date(period, "end", form.get("announcementPeriod.end"));
        json.put("selfCheckCompleted", form.has("selfCheckCompleted", "true"));
        json.put("acknowledgedGroupTravelRegistration", form.has("acknowledgedGroupTravelRegistration", "true"));
        return json;
    }
}
