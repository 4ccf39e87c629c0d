package tw.straitcheck.system;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** A text in zh-TW and English. */
@Serdeable
public record Localized(String zh, String en) {

    /**
     * The text in a page's language: English for English, zh-TW for anything else. (Not
     * {@code in(locale)}: Thymeleaf's OGNL reads {@code in} as its membership operator.)
     */
    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
