package tw.straitcheck.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tw.straitcheck.Browser;

/** The steps of the subsidy journey before the results report: apply, and be approved. */
final class SubsidyFormSteps {

    private SubsidyFormSteps() {
    }

    /**
     * The school applies in the form: a field left out is refused next to it with what was typed
     * kept, the pre-check shows the verdict and findings, then the application is sent; answers the
     * receipt the confirmation shows.
     */
    static String apply(Browser browser, ApprovedSubsidy subsidy) {
        browser.go("/school/subsidies/new");
        assertThat(browser.field("applicant.code").getAttribute("value")).isEqualTo(subsidy.school);
        fill(browser);
        submit(browser, "button[value=check]");
        // no activity name: refused next to its field, the rest kept
        assertThat(browser.find("#activityName + .field-error").getText()).isNotBlank();
        assertThat(browser.field("partners").getAttribute("value")).isEqualTo("浙江海洋大學");
        browser.type("activityName", "兩岸海洋教育論壇");
        submit(browser, "button[value=check]");
        assertThat(browser.text()).contains("預檢結果", "尚未送出申請", "OBL.SUBSIDY_APPLICATION");
        browser.screenshot("subsidy-form");
        submit(browser, "button[value=apply]");
        String receipt = browser.find("p.receipt").getText();
        assertThat(browser.text()).contains("補助申請已送出");
        assertThat(receipt).matches("\\d{7}-\\d{6}");

        browser.go("/school/subsidies/new").language("en");
        fill(browser);
        browser.type("activityName", "兩岸海洋教育論壇");
        submit(browser, "button[value=check]");
        assertThat(browser.text()).contains("Apply for a subsidy", "Pre-check result");
        browser.screenshot("subsidy-form");
        browser.go("/school/subsidies/new").language("zh-TW");
        return receipt;
    }

    /** Sends a form by its button and waits until the next page has replaced this one. */
    static void submit(Browser browser, String button) {
        org.openqa.selenium.WebElement page = browser.find("html");
        browser.click(button);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** The spec's example application, typed in, without its activity name. */
    private static void fill(Browser browser) {
        browser.type("applicant.name", "國立澎湖高級海事水產職業學校");
        browser.driver().findElement(org.openqa.selenium.By.cssSelector(
                "select[name='applicant.financialTier'] option[value='3']")).click();
        browser.type("purpose", "交流海洋教育課程與教學經驗");
        browser.type("activityPeriod.start", "2026-09-14").type("activityPeriod.end", "2026-09-18");
        browser.type("locations[0].province", "浙江省").type("locations[0].city", "舟山市");
        browser.type("partners", "浙江海洋大學");
        browser.type("participants.count", "12").type("participants.students", "8");
        browser.type("budget.total", "400000").type("budget.requestedFromMoe", "250000");
        browser.type("budget.otherSources[0].agency", "澎湖縣政府").type("budget.otherSources[0].amount", "50000");
        for (String document : new String[] {"ACTIVITY_PLAN", "BUDGET_FORM", "ROSTER", "INVITATION_LETTER"}) {
            browser.field("documents." + document).click();
        }
    }

    /** A reviewer approves it for NT$337,500, through the API with a token. */
    static void approve(ApprovedSubsidy subsidy) {
        ObjectNode decision = ApprovedSubsidy.JSON.createObjectNode().put("action", "APPROVE").put("comment", "核定補助")
                .put("approvedAmount", 337_500);
        assertThat(subsidy.send("POST", "/api/review/" + subsidy.receipt + "/decision", subsidy.reviewer,
                decision.toString()).status()).isEqualTo(200);
    }
}
