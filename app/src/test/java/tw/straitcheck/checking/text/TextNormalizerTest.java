package tw.straitcheck.checking.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tw.straitcheck.ProjectFiles;

class TextNormalizerTest {

    /** The rulebase's normalisation, with the variant folds of rules/lists/variant-folds.yaml. */
    private static final TextNormalizer N = ProjectFiles.rulebase().keywords().normalizer();

    @Test
    void openCcsVariantsFoldToTheFormsTaiwanWrites() {
        // OpenCC s2t gives 一箇中國 and 迴歸; the folds 箇 → 個 and 迴 → 回 bring them to the list's form
        assertThat(N.keyword("一个中国")).isEqualTo("一個中國");
        assertThat(N.keyword("回归")).isEqualTo("回歸");
        assertThat(N.keyword("迴歸分析")).isEqualTo("回歸分析");
        assertThat(N.folds()).containsEntry('臺', '台').containsEntry('箇', '個').containsEntry('迴', '回');
    }

    @Test
    void withoutTheFoldsOnlyOpenCcWidthCaseAndSpacesApply() {
        assertThat(TextNormalizer.normalizeKeyword("中國臺灣")).isEqualTo("中國臺灣");
        assertThat(TextNormalizer.normalizeKeyword("统战部 ＡＢ")).isEqualTo("統戰部ab");
    }

    @Test
    void aFoldIsOneCharacterToOneOnceAndNeverChained() {
        assertThatThrownBy(() -> TextNormalizer.withFolds("t", List.of(new TextNormalizer.Fold("臺灣", "台灣"))))
                .hasMessageContaining("one character to one character");
        assertThatThrownBy(() -> TextNormalizer.withFolds("t",
                List.of(new TextNormalizer.Fold("臺", "台"), new TextNormalizer.Fold("臺", "台"))))
                .hasMessageContaining("folded twice");
        assertThatThrownBy(() -> TextNormalizer.withFolds("t",
                List.of(new TextNormalizer.Fold("箇", "个"), new TextNormalizer.Fold("个", "個"))))
                .hasMessageContaining("folded again");
        assertThatThrownBy(() -> TextNormalizer.withFolds("t", List.of(new TextNormalizer.Fold("台", "台"))))
                .hasMessageContaining("folded to itself");
    }

    @Test
    void simplifiedChineseBecomesTraditional() {
        assertThat(N.keyword("统战部")).isEqualTo("統戰部");
        assertThat(N.keyword("统一")).isEqualTo("統一");
    }

    @Test
    void theFormalTaiBecomesTheCommonTai() {
        assertThat(N.keyword("中國臺灣")).isEqualTo("中國台灣");
        assertThat(N.keyword("中國台灣")).isEqualTo("中國台灣");
    }

    @Test
    void simplifiedTaiwanBecomesTheSameAsTraditionalTaiwan() {
        assertThat(N.keyword("中国台湾")).isEqualTo("中國台灣");
    }

    @Test
    void fullWidthLettersAndPunctuationBecomeHalfWidthLowerCaseWithoutSpaces() {
        assertThat(N.keyword("Ｔａｉｗａｎ， Ｃｈｉｎａ")).isEqualTo("taiwan,china");
        assertThat(N.keyword("Taiwan, China")).isEqualTo("taiwan,china");
        assertThat(N.keyword("Chinese Taipei")).isEqualTo("chinesetaipei");
    }

    @Test
    void whiteSpaceOfEveryKindIsRemoved() {
        assertThat(N.keyword(" 統\t戰\u3000部\r\n ")).isEqualTo("統戰部");
        assertThat(N.keyword("a\u00A0b")).isEqualTo("ab");
    }

    @Test
    void eachNormalisedCharacterRemembersWhereItCameFrom() {
        TextNormalizer.Normalized n = N.of("Ａ Ｂ统");
        assertThat(n.original()).isEqualTo("Ａ Ｂ统");
        assertThat(n.text()).isEqualTo("ab統");
        assertThat(n.origin()).containsExactly(0, 2, 3);
    }

    @Test
    void theContextQuotesTheOriginalTextAroundAMatch() {
        String original = "第一天參觀中共中央统战部，第二天座談";
        TextNormalizer.Normalized n = N.of(original);
        int start = n.text().indexOf("統戰部");
        assertThat(start).isEqualTo(9);
        assertThat(n.context(start, start + 3, 2)).isEqualTo("…中央统战部，第…");
        assertThat(n.context(start, start + 3, 100)).isEqualTo(original);
    }

    @Test
    void theContextMapsBackOverRemovedSpaces() {
        String original = "參訪  Ｃｈｉｎｅｓｅ　Ｔａｉｗａｎ  館";
        TextNormalizer.Normalized n = N.of(original);
        assertThat(n.text()).isEqualTo("參訪chinesetaiwan館");
        int start = n.text().indexOf("chinesetaiwan");
        assertThat(n.context(start, start + "chinesetaiwan".length(), 0)).isEqualTo("…Ｃｈｉｎｅｓｅ　Ｔａｉｗａｎ…");
        assertThat(n.context(start, start + "chinesetaiwan".length(), 1)).isEqualTo("… Ｃｈｉｎｅｓｅ　Ｔａｉｗａｎ …");
    }

    @Test
    void anEmptyOrBlankTextNormalisesToNothing() {
        assertThat(N.of("").text()).isEmpty();
        assertThat(N.of(" \u3000\n").text()).isEmpty();
    }
}
