package tw.straitcheck.checking.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.support.data.impl.OpenccDatas;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link OpenccS2t} gives what OpenCC4j itself gives, whatever the text. */
class OpenccS2tTest {

    private static final List<String> SIMPLIFIED_PHRASES = List.copyOf(OpenccDatas.stPhrase().data().getDataMap().keySet());
    private static final List<String> TRADITIONAL_PHRASES = List.copyOf(OpenccDatas.tsPhrase().data().getDataMap().keySet());
    private static final List<String> CHARACTERS = List.copyOf(OpenccDatas.stChar().data().getDataMap().keySet());

    @Test
    void theTablesReadAsOpenCcReadsThem() {
        assertThat(OpenccS2t.table("STPhrases.txt")).isEqualTo(OpenccDatas.stPhrase().data().getDataMap());
        assertThat(OpenccS2t.table("TSPhrases.txt")).isEqualTo(OpenccDatas.tsPhrase().data().getDataMap());
        assertThat(OpenccS2t.table("STCharacters.txt")).isEqualTo(OpenccDatas.stChar().data().getDataMap());
    }

    @Test
    void aLineIsCutAsOpenCcCutsIt() {
        for (String line : List.of("   ", " a", "a ", "a  b", "\u0013", "a\u0013\u0013b", "a \u0013b", "\u0013a", " \u0013 ", "ab",
                "a\tb c", "干\t乾 幹 干", "a\u000Bb\fc\rd", "a\u3000b")) {
            assertThat(OpenccS2t.tokens(line)).as(line).isEqualTo(List.of(line.split("\\s+|\u0013")));
        }
    }

    @Test
    void everyCharacterConvertsOnItsOwnAsOpenCcConvertsIt() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            List<String> forms = ZhConverterUtil.toTraditional(c);
            String first = forms == null || forms.isEmpty() ? null : forms.get(0);
            assertThat(OpenccS2t.convertible(c)).as("U+%04X", (int) c).isEqualTo(first != null && !first.equals(String.valueOf(c)));
            assertThat(OpenccS2t.characterForm(c)).as("U+%04X", (int) c)
                    .isEqualTo(first != null && first.length() == 1 ? first.charAt(0) : c);
        }
    }

    @Test
    void everyPhraseOfTheTablesConvertsAsOpenCcConvertsIt() {
        List<String> differ = new ArrayList<>();
        for (List<String> table : List.of(SIMPLIFIED_PHRASES, TRADITIONAL_PHRASES, CHARACTERS)) {
            for (String phrase : table) {
                if (!OpenccS2t.convert(phrase).equals(ZhConverterUtil.toTraditional(phrase))) {
                    differ.add(phrase);
                }
            }
        }
        assertThat(differ).isEmpty();
        assertThat(SIMPLIFIED_PHRASES.size() + TRADITIONAL_PHRASES.size()).isGreaterThan(40_000);
    }

    @Test
    void textsMadeOfPhrasesPiecesOfPhrasesAndCharactersConvertAsOpenCcConvertsThem() {
        // overlapping and cut phrases are where the longest-match cutting matters
        Random random = new Random(20261201);
        List<String> differ = new ArrayList<>();
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                String piece = switch (random.nextInt(4)) {
                    case 0 -> pick(SIMPLIFIED_PHRASES, random);
                    case 1 -> pick(TRADITIONAL_PHRASES, random);
                    case 2 -> {
                        String phrase = pick(SIMPLIFIED_PHRASES, random);
                        int from = random.nextInt(phrase.length());
                        yield phrase.substring(from, from + 1 + random.nextInt(phrase.length() - from));
                    }
                    default -> pick(CHARACTERS, random);
                };
                text.append(piece);
            }
            String s = text.toString();
            if (!OpenccS2t.convert(s).equals(ZhConverterUtil.toTraditional(s))) {
                differ.add(s);
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void schoolAndPartnerTextsConvertAsOpenCcConvertsThem() {
        for (String text : List.of("参观博物馆并了解当地历史文化", "举办两岸青年论坛", "复旦大学附属中学", "华东师范大学",
                "中共中央台湾工作办公室", "统战部", "一个中国", "回归", "干部", "头发", "发展", "国立示範高级中学", "国立示範高级中学𠀀",
                "这是一个测试ABC１２３，还有标点。", "")) {
            assertThat(OpenccS2t.convert(text)).as(text).isEqualTo(ZhConverterUtil.toTraditional(text));
        }
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
