package tw.straitcheck.filing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tw.straitcheck.submission.Submission;

/**
 * The post-activity report form (事後登錄, submission.md section 3) as the submission JSON: held or
 * not, the actual dates and number of students, difficulties and reflections. For an activity not
 * held the rest is left out, as the spec does not ask for it.
 */
final class ReportForm {

    private ReportForm() {
    }

    static ObjectNode toJson(String registrationId, FormValues form) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", Submission.PostActivityReport.TYPE);
        json.put("registrationId", registrationId);
        if (!form.blank("held")) {
            json.put("held", form.get("held"));
        }
        if ("NOT_HELD".equals(form.get("held"))) {
            return json;
        }
        if (!form.blank("actualPeriod.start") || !form.blank("actualPeriod.end")) {
            ObjectNode period = json.putObject("actualPeriod");
            RegistrationForm.date(period, "start", form.get("actualPeriod.start"));
            RegistrationForm.date(period, "end", form.get("actualPeriod.end"));
        }
        RegistrationForm.number(json, "actualStudents", form.get("actualStudents"));
        for (String field : new String[] {"difficulties", "reflections"}) {
            if (!form.blank(field)) {
                json.put(field, form.get(field));
            }
        }
        return json;
    }
}
