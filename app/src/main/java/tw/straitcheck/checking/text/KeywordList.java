package tw.straitcheck.checking.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One keyword list of {@code rules/lists/}, compiled for matching: every entry and every exclusion
 * is normalised the same way as the text (see {@link TextNormalizer}) and put in an Aho–Corasick
 * automaton ({@link EntryAutomaton}), so a text is scanned once whatever the length of the list.
 */
public final class KeywordList {

    /**
     * One entry as policy staff wrote it, with its category, the phrases it must not match inside,
     * and whether it names a political body only in a counterpart field ({@code counterpartsOnly}:
     * generic words such as 政府 or 教育部 that also name Taiwan's own bodies or ordinary things, so an
     * exchange's own texts are not flagged for them, rule catalogue D, CONTENT.POLITICAL_BODY).
     */
    public record Entry(String keyword, String category, List<String> exclusions, boolean counterpartsOnly) {
        @JsonCreator
        public Entry(@JsonProperty("keyword") String keyword, @JsonProperty("category") String category,
                @JsonProperty("exclusions") List<String> exclusions,
                @JsonProperty("counterpartsOnly") boolean counterpartsOnly) {
            this.keyword = keyword;
            this.category = category;
            this.exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
            this.counterpartsOnly = counterpartsOnly;
        }

        public Entry(String keyword, String category, List<String> exclusions) {
            this(keyword, category, exclusions, false);
        }
    }

    private final String name;
    private final String reference;
    private final List<Entry> entries;
    private final Map<String, Entry> byNormalized = new HashMap<>();
    private final Map<String, Set<String>> excludedKeywordsByPhrase = new HashMap<>();
    private final EntryAutomaton automaton;
    private final TextNormalizer normalizer;

    /** A list matched without variant folds (tests of the matching itself). */
    public KeywordList(String name, String reference, List<Entry> entries) {
        this(name, reference, entries, TextNormalizer.WITHOUT_FOLDS);
    }

    /** A list whose entries and exclusions are normalised as the texts will be, with the rulebase's folds. */
    public KeywordList(String name, String reference, List<Entry> entries, TextNormalizer normalizer) {
        this.normalizer = normalizer;
        this.name = name;
        this.reference = reference;
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            String key = normalizer.keyword(entry.keyword());
            if (key.isEmpty()) {
                throw new IllegalArgumentException("list " + name + ": empty keyword");
            }
            if (byNormalized.putIfAbsent(key, entry) != null) {
                throw new IllegalArgumentException("list " + name + ": keyword listed twice: " + entry.keyword());
            }
            for (String exclusion : entry.exclusions()) {
                String ex = normalizer.keyword(exclusion);
                if (!ex.contains(key)) {
                    throw new IllegalArgumentException("list " + name + ": exclusion '" + exclusion
                            + "' does not contain its keyword '" + entry.keyword() + "'");
                }
                excludedKeywordsByPhrase.computeIfAbsent(ex, k -> new HashSet<>()).add(key);
            }
        }
        this.automaton = new EntryAutomaton(List.of(byNormalized), List.of(excludedKeywordsByPhrase));
    }

    public String name() {
        return name;
    }

    public String reference() {
        return reference;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entries by their matching form (normalised as texts are). */
    Map<String, Entry> entriesByMatchingForm() {
        return byNormalized;
    }

    /** The exclusion phrases in matching form, with the entries (matching form) each excludes. */
    Map<String, Set<String>> exclusionsByMatchingForm() {
        return excludedKeywordsByPhrase;
    }

    /** How this list's entries, and the texts matched against it, are normalised. */
    public TextNormalizer normalizer() {
        return normalizer;
    }

    /** Each entry that matches the text outside its exclusions, once, with the first place it matched. */
    public List<Match> find(TextNormalizer.Normalized text) {
        return automaton.find(text.text()).get(0);
    }

    /** An entry found at normalised positions [start, end). */
    public record Match(Entry entry, int start, int end) {
    }
}
