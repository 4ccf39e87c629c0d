package tw.straitcheck.checking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.facts.Check;
import tw.straitcheck.checking.facts.ExecutionRate;
import tw.straitcheck.checking.facts.ExpenditureItem;
import tw.straitcheck.checking.facts.ResultsHeld;
import tw.straitcheck.checking.facts.ResultsReport;
import tw.straitcheck.checking.facts.SubmissionType;
import tw.straitcheck.checking.facts.TierRatio;

/**
 * The subsidy data of the rulebase: the tier ratios and the poor-execution-rate are data that the
 * loader checks and the rules follow, and the execution rate rounds as the results system does.
 */
class SubsidyDataTest {

    @TempDir
    Path temp;

    private Path rulesWith(String file, String text, String replacement) throws IOException {
        return RuleCopies.with(temp, file, text, replacement);
    }

    private static Rulebase load(Path rules) {
        return RuleCopies.load(rules);
    }

    @Test
    void theSeedsRatesAre91point95And94point81RoundedHalfUp() {
        assertThat(ExecutionRate.shown(200_000, 217_500)).isEqualByComparingTo("91.95");
        assertThat(ExecutionRate.shown(320_000, 337_500)).isEqualByComparingTo("94.81");
        assertThat(ExecutionRate.shown(120_000, 120_000).toPlainString()).isEqualTo("100.00");
        // 59.995 rounds half up to 60.00 for showing, but compares below 60
        assertThat(ExecutionRate.shown(119_990, 200_000)).isEqualByComparingTo("60.00");
        assertThat(ExecutionRate.exact(119_990, 200_000)).isLessThan(new BigDecimal("60"));
        assertThat(ExecutionRate.exact(1, 0)).isNull();
    }

    @Test
    void aTiersCapIsRoundedDownToAWholeDollar() {
        TierRatio seventy = new TierRatio(3, new BigDecimal("0.70"));
        assertThat(seventy.capOf(333_333)).isEqualTo(233_333);
        assertThat(seventy.capOf(400_000)).isEqualTo(280_000);
        assertThat(seventy.percent().toPlainString()).isEqualTo("70");
    }

    @Test
    void tierRatiosWithoutTierFiveAreRefusedAtLoad() throws IOException {
        Path rules = rulesWith("subsidy/point-3-1-ratio/tier-ratios.yaml", "  5: 90%\n", "");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tier-ratios.yaml")
                .hasMessageContaining("tiers 1 to 5");
    }

    @Test
    void aTierRatioWrittenWithoutItsPercentSignIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("subsidy/point-3-1-ratio/tier-ratios.yaml", "  3: 70%\n", "  3: 0.7\n");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tier 3")
                .hasMessageContaining("percentage");
    }

    @Test
    void aPolicySettingTheDrlNamesButPolicyYamlLacksIsRefusedAtLoad() throws IOException {
        Path rules = rulesWith("policy.yaml", "  poor-execution-rate:\n", "  poor-execution-ratio:\n");

        assertThatThrownBy(() -> load(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy setting 'poor-execution-rate' is not in rules/policy.yaml");
    }

    @Test
    void thePoorExecutionRateIsDataAReportAt55PercentIsLowOnlyWhileTheFloorIsAbove() throws IOException {
        LocalDate asOf = LocalDate.parse("2026-11-10");
        List<Object> facts = List.of(new Check(SubmissionType.RESULTS_REPORT, asOf),
                new ExpenditureItem(0, "expenditure[0]", "其他", 100_000, 55_000),
                new ResultsReport("1150712-000031", LocalDate.parse("2026-09-14"), LocalDate.parse("2026-09-18"),
                        ResultsHeld.AS_PLANNED, 100_000, 100_000, 55_000, true, true));

        CheckResult packaged = new CheckEngine(ProjectFiles.rulebase()).check(new CheckInput(asOf, facts));
        CheckResult lowered = new CheckEngine(load(rulesWith("policy.yaml", "value: 60%", "value: 50%")))
                .check(new CheckInput(asOf, facts));

        assertThat(packaged.findings()).extracting(ReportedFinding::ruleId).contains("RESULTS.LOW_EXECUTION_RATE");
        assertThat(lowered.findings()).extracting(ReportedFinding::ruleId).doesNotContain("RESULTS.LOW_EXECUTION_RATE");
    }
}
