package tw.straitcheck.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tw.straitcheck.Browser;

/** The steps of the subsidy journey before the results report: apply, and be approved. */
final class SubsidyFormSteps {

    private SubsidyFormSteps() {
    }

    /** The school applies (through the API until the form exists); answers the receipt. */
    static String apply(Browser browser, ApprovedSubsidy subsidy) {
        String receipt = ApprovedSubsidy.json(subsidy.send("POST", "/api/submissions", subsidy.filer,
                subsidy.application().toString())).get("receipt").asText();
        assertThat(receipt).isNotBlank();
        return receipt;
    }

    /** A reviewer approves it for NT$337,500, through the API with a token. */
    static void approve(ApprovedSubsidy subsidy) {
        ObjectNode decision = ApprovedSubsidy.JSON.createObjectNode().put("action", "APPROVE").put("comment", "核定補助")
                .put("approvedAmount", 337_500);
        assertThat(subsidy.send("POST", "/api/review/" + subsidy.receipt + "/decision", subsidy.reviewer,
                decision.toString()).status()).isEqualTo(200);
    }
}
