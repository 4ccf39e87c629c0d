package tw.straitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tw.straitcheck.submission.SubmissionReader;

/** The bench's generated submissions: all valid, in the mix the bench reports. */
class SubmissionGeneratorTest {

    @Test
    void everyGeneratedSubmissionIsValidAndTheSubsidyMixHoldsEverySixTypes() {
        List<JsonNode> generated = new SubmissionGenerator(20261121).generate(2_000, true);

        Map<String, Integer> types = new HashMap<>();
        for (JsonNode json : generated) {
            SubmissionReader.Result read = SubmissionReader.read(json);
            assertThat(read.errors()).as(json.toString()).isEmpty();
            types.merge(read.submission().type(), 1, Integer::sum);
        }
        assertThat(types).containsOnlyKeys("EXCHANGE_ACTIVITY", "CHANGE", "POST_ACTIVITY_REPORT", "ANNOUNCEMENT",
                "SUBSIDY_APPLICATION", "RESULTS_REPORT");
        assertThat(types.get("SUBSIDY_APPLICATION")).isBetween(100, 220);
        assertThat(types.get("RESULTS_REPORT")).isBetween(100, 220);
    }

    @Test
    void theDefaultMixIsTheExchangeMixOfEarlierBenchmarks() {
        List<JsonNode> generated = new SubmissionGenerator(20261121).generate(2_000);

        assertThat(generated).noneMatch(json -> json.path("type").asText().startsWith("SUBSIDY")
                || json.path("type").asText().equals("RESULTS_REPORT"));
    }
}
