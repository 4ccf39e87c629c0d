package tw.straitcheck.checking.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tw.straitcheck.ProjectFiles;
import tw.straitcheck.checking.facts.KeywordHit;
import tw.straitcheck.checking.facts.TextField;
import tw.straitcheck.checking.facts.TextFieldName;

class KeywordListTest {

    /** The rulebase's normalisation, with the variant folds of rules/lists/variant-folds.yaml. */
    private static final TextNormalizer N = ProjectFiles.rulebase().keywords().normalizer();

    private static KeywordList list(String name, String reference, List<KeywordList.Entry> entries) {
        return new KeywordList(name, reference, entries, N);
    }

    private static final KeywordList.Entry UNIFICATION =
            new KeywordList.Entry("統一", null, List.of("統一編號", "統一發票", "統一超商", "統一企業"));
    private static final KeywordList.Entry GOVERNMENT =
            new KeywordList.Entry("政府", "government", List.of("非政府"));

    private final KeywordList content = list("political-content", "test",
            List.of(UNIFICATION, new KeywordList.Entry("祖國", null, null)));
    private final KeywordList bodies = list("political-bodies", "test",
            List.of(GOVERNMENT, new KeywordList.Entry("統戰部", "party", List.of())));

    private static List<KeywordList.Match> find(KeywordList list, String text) {
        return list.find(N.of(text));
    }

    @Test
    void unificationInsideAnExcludedPhraseDoesNotMatch() {
        assertThat(find(content, "請開立統一發票")).isEmpty();
        assertThat(find(content, "統一編號12345678，統一超商繳費，統一企業贊助")).isEmpty();
    }

    @Test
    void unificationOutsideTheExclusionMatchesOnceAtItsOwnPlace() {
        List<KeywordList.Match> matches = find(content, "統一發票與兩岸統一");
        assertThat(matches).containsExactly(new KeywordList.Match(UNIFICATION, 7, 9));
    }

    @Test
    void simplifiedUnificationMatchesTheTraditionalEntry() {
        assertThat(find(content, "祖国统一")).extracting(m -> m.entry().keyword()).containsExactly("祖國", "統一");
        assertThat(find(content, "统一")).containsExactly(new KeywordList.Match(UNIFICATION, 0, 2));
    }

    @Test
    void simplifiedExcludedPhraseIsExcludedToo() {
        assertThat(find(content, "请开立统一发票")).isEmpty();
    }

    @Test
    void nonGovernmentalDoesNotMatchGovernment() {
        assertThat(find(bodies, "非政府組織")).isEmpty();
    }

    @Test
    void aCityPeoplesGovernmentMatchesGovernment() {
        assertThat(find(bodies, "XX市人民政府")).containsExactly(new KeywordList.Match(GOVERNMENT, 5, 7));
    }

    @Test
    void eachKeywordIsReportedOnceEvenWhenItAppearsThreeTimes() {
        List<KeywordList.Match> matches = find(bodies, "市政府、區政府與省政府");
        assertThat(matches).containsExactly(new KeywordList.Match(GOVERNMENT, 1, 3));
    }

    @Test
    void aKeywordIsReportedOnceAtItsFirstPlaceOutsideItsExclusions() {
        List<KeywordList.Match> matches = find(bodies, "非政府組織與市政府及縣政府");
        assertThat(matches).containsExactly(new KeywordList.Match(GOVERNMENT, 7, 9));
    }

    @Test
    void anExclusionThatDoesNotContainItsKeywordIsRefused() {
        assertThatThrownBy(() -> list("political-content", "test",
                List.of(new KeywordList.Entry("統一", null, List.of("發票")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("list political-content: exclusion '發票' does not contain its keyword '統一'");
    }

    @Test
    void aKeywordListedTwiceIsRefused() {
        assertThatThrownBy(() -> list("political-content", "test",
                List.of(new KeywordList.Entry("祖國", null, null), new KeywordList.Entry("祖國", null, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("list political-content: keyword listed twice: 祖國");
    }

    @Test
    void aKeywordListedTwiceInDifferentFormsIsRefused() {
        // 臺灣同胞 and 台灣同胞 are the same after normalisation, and so are 祖国 and 祖國
        assertThatThrownBy(() -> list("l", "test",
                List.of(new KeywordList.Entry("台灣同胞", null, null), new KeywordList.Entry("臺灣同胞", null, null))))
                .hasMessage("list l: keyword listed twice: 臺灣同胞");
        assertThatThrownBy(() -> list("l", "test",
                List.of(new KeywordList.Entry("祖國", null, null), new KeywordList.Entry("祖国", null, null))))
                .hasMessage("list l: keyword listed twice: 祖国");
    }

    @Test
    void anEmptyKeywordIsRefused() {
        assertThatThrownBy(() -> list("l", "test", List.of(new KeywordList.Entry(" ", null, null))))
                .hasMessage("list l: empty keyword");
    }

    @Test
    void anEmptyTextMatchesNothing() {
        assertThat(find(content, "")).isEmpty();
        assertThat(find(content, "  ")).isEmpty();
    }

    @Test
    void aDignityEntryWrittenWithPunctuationMatchesFullWidthText() {
        KeywordList dignity = list("dignity", "test",
                List.of(new KeywordList.Entry("taiwan,china", null, null), new KeywordList.Entry("中國台灣", null, null)));
        assertThat(find(dignity, "Ｔａｉｗａｎ， Ｃｈｉｎａ")).extracting(m -> m.entry().keyword())
                .containsExactly("taiwan,china");
        assertThat(find(dignity, "中國臺灣代表團")).extracting(m -> m.entry().keyword())
                .containsExactly("中國台灣");
    }

    @Test
    void keywordsReportTheListKeywordItsCategoryAndTheOriginalTextAround() {
        Keywords keywords = new Keywords(Map.of("political-bodies", bodies), N);
        String value = "本次行程拜會廈門市人民政府台港澳辦公室及中共中央统战部相關人員";
        TextField partner = new TextField(TextFieldName.MAINLAND_PARTNERS, "mainlandPartners[0]", value);
        List<KeywordHit> hits = keywords.find("political-bodies", partner);
        assertThat(hits).containsExactly(
                new KeywordHit("political-bodies", partner, "政府", "government",
                        "…次行程拜會廈門市人民政府台港澳辦公室及中共中…"),
                new KeywordHit("political-bodies", partner, "統戰部", "party",
                        "…港澳辦公室及中共中央统战部相關人員"));
        assertThat(hits).extracting(KeywordHit::path, KeywordHit::value)
                .containsOnly(Tuple.tuple("mainlandPartners[0]", value));
    }

    @Test
    void theHitsOfEveryListAreWhatEachListFindsInTheText() {
        Keywords keywords = new Keywords(Map.of("political-bodies", bodies, "political-content", content), N);
        TextField itinerary = new TextField(TextFieldName.ITINERARY_TEXT, "itineraryText",
                "參訪市政府，座談兩岸統一，開立統一發票，拜會统战部");

        assertThat(keywords.hits(itinerary)).containsExactlyElementsOf(Stream.concat(
                keywords.find("political-bodies", itinerary).stream(),
                keywords.find("political-content", itinerary).stream()).toList());
        assertThat(keywords.hits(itinerary)).extracting(KeywordHit::list, KeywordHit::keyword).containsExactly(
                Tuple.tuple("political-bodies", "政府"),
                Tuple.tuple("political-bodies", "統戰部"),
                Tuple.tuple("political-content", "統一"));
    }

    @Test
    void aTextWithNoEntryOfAnyListHasNoHits() {
        Keywords keywords = new Keywords(Map.of("political-bodies", bodies, "political-content", content), N);

        assertThat(keywords.hits(new TextField(TextFieldName.ITINERARY_TEXT, "itineraryText", "參訪非政府組織，開立統一發票"))).isEmpty();
        assertThat(keywords.hits(new TextField(TextFieldName.ITINERARY_TEXT, "itineraryText", null))).isEmpty();
    }

    @Test
    void keywordsOfAFieldWithoutAValueAreNone() {
        Keywords keywords = new Keywords(Map.of("political-bodies", bodies), N);
        assertThat(keywords.find("political-bodies", null)).isEmpty();
        assertThat(keywords.find("political-bodies", new TextField(TextFieldName.ITINERARY_TEXT, "f", null))).isEmpty();
    }

    @Test
    void anUnknownListIsRefusedByName() {
        Keywords keywords = new Keywords(Map.of("political-bodies", bodies), N);
        assertThatThrownBy(() -> keywords.find("nope", new TextField(TextFieldName.ITINERARY_TEXT, "f", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no keyword list named 'nope' in rules/lists/");
    }
}
