package tw.straitcheck.filing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.straitcheck.Fixtures;
import tw.straitcheck.submission.SubmissionReader;

/** The registration form and the submission JSON: the same registration both ways, read by the same reader. */
class RegistrationFormTest {

    @Test
    void theSpecsExampleBecomesTheFormAndTheFormTheSameJson() {
        ObjectNode example = Fixtures.specExample("013301");
        FormValues form = RegistrationForm.fromJson(example);
        ObjectNode json = RegistrationForm.toJson(form, "013301", example.path("school").path("name").asText());
        assertThat(json.toString()).isEqualTo(withoutNulls(example).toString());
        assertThat(SubmissionReader.read(json).valid()).isTrue();
    }

    @Test
    void whatIsTypedIsTheJsonTheApiTakes() {
        FormValues form = new FormValues()
                .set("activityName", "<script>x</script>")
                .set("activityPeriod.start", "2026/7/6")
                .set("travelPeriod.departure", "").set("travelPeriod.return", "")
                .set("internalUnits.names", "教務處、學務處, 實習處")
                .set("participants.students", "1,200")
                .set("participants.teachers", "two")
                .set("locations.count", "3")
                .set("locations[1].province", "浙江省").set("locations[1].city", "舟山市")
                .set("leaders[0].name", "王大明").set("leaders[0].civilServant", "false")
                .set("leaders[0].rank", "GRADE_11_OR_ABOVE").add("leaders[0].specialIdentities", "COUNTY_MAGISTRATE")
                .set("funding[0].source", "OUR_SIDE").set("funding[0].support", "FULLY_FREE").set("funding[0].amount", "100")
                .add("categories", "SEMINAR").add("categories", "SISTER_SCHOOL")
                .set("selfCheckCompleted", "true");
        ObjectNode json = RegistrationForm.toJson(form, "013301", "國立澎湖高級海事水產職業學校");

        assertThat(json.get("activityName").asText()).isEqualTo("<script>x</script>");
        assertThat(json.get("activityPeriod").get("start").asText()).isEqualTo("2026-07-06");
        assertThat(json.has("travelPeriod")).as("no travel period typed: none sent").isFalse();
        assertThat(json.get("internalUnits").get("names")).hasSize(3);
        assertThat(json.get("participants").get("students").asLong()).isEqualTo(1200);
        assertThat(json.get("participants").get("teachers").asText()).as("left for the reader to refuse").isEqualTo("two");
        assertThat(json.get("locations")).as("the empty rows are left out").hasSize(1);
        JsonNode leader = json.get("leaders").get(0);
        assertThat(leader.get("civilServant").asBoolean()).isFalse();
        assertThat(leader.has("rank")).as("the civil-servant questions go only with a civil servant").isFalse();
        assertThat(leader.has("specialIdentities")).isFalse();
        assertThat(json.get("funding").get(0).has("support")).as("support is the mainland's only").isFalse();
        assertThat(json.get("categories").toString()).isEqualTo("[\"SEMINAR\",\"SISTER_SCHOOL\"]");
        assertThat(json.get("selfCheckCompleted").asBoolean()).isTrue();
        assertThat(json.get("exchangeStudentProgram").asBoolean()).isFalse();

        SubmissionReader.Result read = SubmissionReader.read(json);
        assertThat(read.errors()).extracting(e -> e.field()).contains("participants.teachers", "leaders[0].unit",
                "activityPeriod.end", "school.publicSchool");
    }

    @Test
    void rowsAreAddedAndRemovedWithTheirValuesMovingUp() {
        FormValues form = new FormValues().set("leaders[0].name", "甲").set("leaders[1].name", "乙")
                .set("leaders[2].name", "丙");
        assertThat(form.rows("leaders")).isEqualTo(3);
        form.set("edit", "remove:leaders:1");
        RowEdit.apply(form);
        assertThat(form.rows("leaders")).isEqualTo(2);
        assertThat(form.get("leaders[1].name")).isEqualTo("丙");
        form.set("edit", "add:leaders");
        RowEdit.apply(form);
        assertThat(form.rows("leaders")).isEqualTo(3);
        assertThat(form.get("leaders[2].name")).isEmpty();
        assertThat(form.blank("edit")).isTrue();
    }

    @Test
    void aChangeNoticeSendsOnlyTheFieldsThatDiffer() {
        ObjectNode kept = Fixtures.specExample("013301");
        FormValues form = RegistrationForm.fromJson(kept).set("activityName", "海洋科學冬令營")
                .set("participants.students", "25").set("agreement.kind", "");
        ObjectNode onTheForm = RegistrationForm.toJson(form, "013301", kept.path("school").path("name").asText());
        ObjectNode changes = ChangePatch.between(kept.toString(), onTheForm);
        assertThat(changes.fieldNames()).toIterable().containsExactlyInAnyOrder("activityName", "participants", "agreement");
        assertThat(changes.get("agreement").isNull()).as("taken out: cleared").isTrue();
        assertThat(changes.get("participants").get("students").asInt()).isEqualTo(25);
    }

    private static ObjectNode withoutNulls(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    it.remove();
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(RegistrationFormTest::strip);
        }
    }
}
