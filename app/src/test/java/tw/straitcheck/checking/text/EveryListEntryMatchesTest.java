package tw.straitcheck.checking.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.facts.KeywordHit;
import tw.straitcheck.checking.facts.TextField;
import tw.straitcheck.checking.facts.TextFieldName;

/**
 * Rule catalogue D: "A test guards this: every entry of every list, written in Simplified (OpenCC
 * t2s) and set inside ordinary text, is matched", and every exclusion contains its keyword. Runs over
 * the lists of rules/lists/ as they are, so an entry policy staff add is checked too.
 */
class EveryListEntryMatchesTest {

    private static final Keywords KEYWORDS = ProjectFiles.rulebase().keywords();

    /** Ordinary Simplified text around the entry: after punctuation, and run on between ideographs. */
    private static final List<String[]> SETTINGS = List.of(
            new String[] {"本校师生于七月赴浙江交流，行程安排：", "，敬请留意。"},
            new String[] {"我们参观", "之后返回学校"},
            new String[] {"", ""});

    private record Case(String list, KeywordList.Entry entry) {
    }

    private static Stream<Case> entries() {
        List<Case> all = new ArrayList<>();
        for (String name : KEYWORDS.names()) {
            for (KeywordList.Entry e : KEYWORDS.list(name).entries()) {
                all.add(new Case(name, e));
            }
        }
        return all.stream();
    }

    private static List<String> matched(String list, String text) {
        return KEYWORDS.find(list, new TextField(TextFieldName.ITINERARY_TEXT, "itineraryText", text)).stream()
                .map(KeywordHit::keyword).toList();
    }

    @Test
    void theListsAreThere() {
        assertThat(KEYWORDS.names()).contains("political-bodies", "political-content", "dignity");
        assertThat(entries().count()).isGreaterThan(100);
    }

    @TestFactory
    Stream<DynamicTest> everyEntryWrittenInSimplifiedInsideOrdinaryTextIsMatched() {
        return entries().map(c -> DynamicTest.dynamicTest(c.list() + ": " + c.entry().keyword(), () -> {
            String simplified = ZhConverterUtil.toSimple(c.entry().keyword());
            for (String[] around : SETTINGS) {
                String text = around[0] + simplified + around[1];
                assertThat(matched(c.list(), text)).as("%s in \"%s\"", c.entry().keyword(), text)
                        .contains(c.entry().keyword());
            }
            // and as written, in Traditional
            assertThat(matched(c.list(), SETTINGS.get(0)[0] + c.entry().keyword() + SETTINGS.get(0)[1]))
                    .contains(c.entry().keyword());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExclusionContainsItsKeywordAndKeepsItOutInSimplifiedToo() {
        return entries().filter(c -> !c.entry().exclusions().isEmpty())
                .flatMap(c -> c.entry().exclusions().stream().map(ex -> DynamicTest.dynamicTest(
                        c.list() + ": " + c.entry().keyword() + " / " + ex, () -> {
                            TextNormalizer n = KEYWORDS.normalizer();
                            assertThat(ex).as("as written").contains(c.entry().keyword());
                            assertThat(n.keyword(ex)).as("normalised").contains(n.keyword(c.entry().keyword()));
                            String text = SETTINGS.get(0)[0] + ZhConverterUtil.toSimple(ex) + SETTINGS.get(0)[1];
                            assertThat(matched(c.list(), text)).as(text).doesNotContain(c.entry().keyword());
                        })));
    }

    @Test
    void theTwoSimplifiedPhrasesOpenCcTurnsIntoVariantsAreMatched() {
        assertThat(matched("political-content", "认同一个中国原则")).contains("一個中國");
        assertThat(matched("political-content", "庆祝香港回归")).contains("回歸");
    }

    @Test
    void theTropicIsExcludedButHandoverOnlineIsNot() {
        assertThat(matched("political-content", "參觀嘉義北回歸線標誌")).doesNotContain("回歸");
        assertThat(matched("political-content", "参观嘉义北回归线标志")).doesNotContain("回歸");
        assertThat(matched("political-content", "香港回歸線上論壇")).contains("回歸");
        assertThat(matched("political-content", "迴歸分析工作坊")).doesNotContain("回歸");
    }

    @Test
    void aMainlandUniversitysOwnOfficeIsNotATaiwanAffairsOffice() {
        assertThat(matched("political-bodies", "拜會廈門大學港澳台辦")).doesNotContain("台辦");
        assertThat(matched("political-bodies", "拜会厦门大学港澳台办")).doesNotContain("台辦");
        assertThat(matched("political-bodies", "拜會廈門市台辦")).contains("台辦");
    }

    @Test
    void theNationalStudentsFederationIsListedButABareXueLianIsNot() {
        assertThat(matched("political-bodies", "全国学联代表")).contains("全國學聯");
        assertThat(matched("political-bodies", "臺北市中學聯合運動會")).isEmpty();
    }

    @Test
    void theCounterpartsOnlyEntriesAreExactlyTheCataloguesTen() {
        assertThat(KEYWORDS.list("political-bodies").entries().stream().filter(KeywordList.Entry::counterpartsOnly)
                .map(KeywordList.Entry::keyword))
                .containsExactlyInAnyOrder("政府", "教育局", "教育廳", "教育部", "文化廳", "文化和旅遊廳", "公安", "國家安全", "軍事", "人大");
    }
}
