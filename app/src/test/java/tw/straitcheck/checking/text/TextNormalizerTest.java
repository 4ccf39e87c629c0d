package tw.straitcheck.checking.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void simplifiedChineseBecomesTraditional() {
        assertThat(TextNormalizer.normalizeKeyword("统战部")).isEqualTo("統戰部");
        assertThat(TextNormalizer.normalizeKeyword("统一")).isEqualTo("統一");
    }

    @Test
    void theFormalTaiBecomesTheCommonTai() {
        assertThat(TextNormalizer.normalizeKeyword("中國臺灣")).isEqualTo("中國台灣");
        assertThat(TextNormalizer.normalizeKeyword("中國台灣")).isEqualTo("中國台灣");
    }

    @Test
    void simplifiedTaiwanBecomesTheSameAsTraditionalTaiwan() {
        assertThat(TextNormalizer.normalizeKeyword("中国台湾")).isEqualTo("中國台灣");
    }

    @Test
    void fullWidthLettersAndPunctuationBecomeHalfWidthLowerCaseWithoutSpaces() {
        assertThat(TextNormalizer.normalizeKeyword("Ｔａｉｗａｎ， Ｃｈｉｎａ")).isEqualTo("taiwan,china");
        assertThat(TextNormalizer.normalizeKeyword("Taiwan, China")).isEqualTo("taiwan,china");
        assertThat(TextNormalizer.normalizeKeyword("Chinese Taipei")).isEqualTo("chinesetaipei");
    }

    @Test
    void whiteSpaceOfEveryKindIsRemoved() {
        assertThat(TextNormalizer.normalizeKeyword(" 統\t戰\u3000部\r\n ")).isEqualTo("統戰部");
        assertThat(TextNormalizer.normalizeKeyword("a\u00A0b")).isEqualTo("ab");
    }

    @Test
    void eachNormalisedCharacterRemembersWhereItCameFrom() {
        TextNormalizer.Normalized n = TextNormalizer.normalize("Ａ Ｂ统");
        assertThat(n.original()).isEqualTo("Ａ Ｂ统");
        assertThat(n.text()).isEqualTo("ab統");
        assertThat(n.origin()).containsExactly(0, 2, 3);
    }

    @Test
    void theContextQuotesTheOriginalTextAroundAMatch() {
        String original = "第一天參觀中共中央统战部，第二天座談";
        TextNormalizer.Normalized n = TextNormalizer.normalize(original);
        int start = n.text().indexOf("統戰部");
        assertThat(start).isEqualTo(9);
        assertThat(n.context(start, start + 3, 2)).isEqualTo("…中央统战部，第…");
        assertThat(n.context(start, start + 3, 100)).isEqualTo(original);
    }

    @Test
    void theContextMapsBackOverRemovedSpaces() {
        String original = "參訪  Ｃｈｉｎｅｓｅ　Ｔａｉｗａｎ  館";
        TextNormalizer.Normalized n = TextNormalizer.normalize(original);
        assertThat(n.text()).isEqualTo("參訪chinesetaiwan館");
        int start = n.text().indexOf("chinesetaiwan");
        assertThat(n.context(start, start + "chinesetaiwan".length(), 0)).isEqualTo("…Ｃｈｉｎｅｓｅ　Ｔａｉｗａｎ…");
        assertThat(n.context(start, start + "chinesetaiwan".length(), 1)).isEqualTo("… Ｃｈｉｎｅｓｅ　Ｔａｉｗａｎ …");
    }

    @Test
    void anEmptyOrBlankTextNormalisesToNothing() {
        assertThat(TextNormalizer.normalize("").text()).isEmpty();
        assertThat(TextNormalizer.normalize(" \u3000\n").text()).isEmpty();
    }
}
