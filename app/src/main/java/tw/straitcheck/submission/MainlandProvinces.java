package tw.straitcheck.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.straitcheck.checking.text.TextNormalizer;

/**
 * The mainland's 31 province-level divisions, as listed in
 * {@code reference/mainland-provinces.yaml}, by every spelling a school may use: the full name in
 * Traditional or Simplified Chinese, or the short form.
 */
public final class MainlandProvinces {

    static final String RESOURCE = "reference/mainland-provinces.yaml";

    /** One division of the list. */
    public record Province(String traditional, String simplified, @JsonProperty("short") List<String> shortForms) {
        public Province {
            shortForms = shortForms == null ? List.of() : List.copyOf(shortForms);
        }
    }

    record ProvinceList(String reference, List<Province> provinces) {
    }

    private MainlandProvinces() {
    }

    /** The full Traditional name of the division {@code input} spells (surrounding white space ignored), if any. */
    public static Optional<String> traditionalName(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String exact = Holder.BY_SPELLING.get(input.strip());
        if (exact != null) {
            return Optional.of(exact);
        }
        // a spelling that mixes the two scripts (内蒙古自治區), or full-width spaces inside
        return Optional.ofNullable(Holder.BY_SPELLING.get(TextNormalizer.normalizeKeyword(input)));
    }

    public static List<Province> all() {
        return Holder.PROVINCES;
    }

    private static final class Holder {
        static final List<Province> PROVINCES = load();
        static final Map<String, String> BY_SPELLING = index(PROVINCES);

        private static List<Province> load() {
            try (InputStream in = MainlandProvinces.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                return List.copyOf(new ObjectMapper(new YAMLFactory()).readValue(in, ProvinceList.class).provinces());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }

        private static Map<String, String> index(List<Province> provinces) {
            Map<String, String> bySpelling = new HashMap<>();
            for (Province province : provinces) {
                bySpelling.put(province.traditional(), province.traditional());
                bySpelling.putIfAbsent(TextNormalizer.normalizeKeyword(province.traditional()), province.traditional());
                bySpelling.put(province.simplified(), province.traditional());
                for (String shortForm : province.shortForms()) {
                    bySpelling.putIfAbsent(TextNormalizer.normalizeKeyword(shortForm), province.traditional());
                    String other = bySpelling.put(shortForm, province.traditional());
                    if (other != null && !other.equals(province.traditional())) {
                        throw new IllegalStateException(RESOURCE + ": " + shortForm + " names both " + other
                                + " and " + province.traditional());
                    }
                }
            }
            return Map.copyOf(bySpelling);
        }
    }
}
