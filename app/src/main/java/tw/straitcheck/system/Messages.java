package tw.straitcheck.system;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The words users read, by key, from {@code i18n/messages_zh_TW.properties} and
 * {@code i18n/messages_en.properties} (UTF-8): {@code Messages.of("error.record.not-found")}, or
 * with {@link MessageFormat} arguments {@code Messages.of("conflict.status", status, move)}.
 *
 * <p>In the bundles an apostrophe is just an apostrophe ({@code record's}), not MessageFormat's
 * quote. An argument is shown as {@link String#valueOf} gives it, so a number is never grouped
 * ({@code 1234}, not {@code 1,234}); a {@link Localized} argument is shown in each bundle's own
 * language. The bundles are read once; {@link ResourceBundle} is thread-safe.
 */
public final class Messages {

    public static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");
    public static final Locale EN = Locale.ENGLISH;

    static final String BASE_NAME = "i18n.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ZH = ResourceBundle.getBundle(BASE_NAME, ZH_TW, NO_FALLBACK);
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(BASE_NAME, EN, NO_FALLBACK);

    private Messages() {
    }

    /** The message {@code key} in zh-TW and English, with {@code args} put in for {@code {0}}, {@code {1}} …. */
    public static Localized of(String key, Object... args) {
        return new Localized(format(ZH, ZH_TW, key, args), format(ENGLISH, EN, key, args));
    }

    /** Whether both bundles have {@code key}. */
    public static boolean has(String key) {
        return ZH.containsKey(key) && ENGLISH.containsKey(key);
    }

    /** The keys of the zh-TW bundle. */
    public static Set<String> zhKeys() {
        return ZH.keySet();
    }

    /** The keys of the English bundle. */
    public static Set<String> enKeys() {
        return ENGLISH.keySet();
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object[] args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in " + BASE_NAME + "_" + locale.toLanguageTag(), e);
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof Localized text ? (bundle == ZH ? text.zh() : text.en()) : args[i];
            shown[i] = String.valueOf(arg);
        }
        return new MessageFormat(pattern.replace("'", "''"), locale).format(shown);
    }
}
