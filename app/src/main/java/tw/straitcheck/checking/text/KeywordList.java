package tw.straitcheck.checking.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * One keyword list of {@code rules/lists/}, compiled for matching: every entry and every exclusion
 * is normalised the same way as the text (see {@link TextNormalizer}) and put in an Aho–Corasick
 * automaton, so a text is scanned once whatever the length of the list.
 */
public final class KeywordList {

    /** One entry as policy staff wrote it, with its category and the phrases it must not match inside. */
    public record Entry(String keyword, String category, List<String> exclusions) {
        public Entry {
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        }
    }

    private final String name;
    private final String reference;
    private final List<Entry> entries;
    private final Map<String, Entry> byNormalized = new HashMap<>();
    private final Map<String, Set<String>> excludedKeywordsByPhrase = new HashMap<>();
    private final Trie keywords;
    private final Trie exclusions;

    public KeywordList(String name, String reference, List<Entry> entries) {
        this.name = name;
        this.reference = reference;
        this.entries = List.copyOf(entries);
        List<String> normalizedKeywords = new ArrayList<>();
        List<String> normalizedExclusions = new ArrayList<>();
        for (Entry entry : entries) {
            String key = TextNormalizer.normalizeKeyword(entry.keyword());
            if (key.isEmpty()) {
                throw new IllegalArgumentException("list " + name + ": empty keyword");
            }
            if (byNormalized.putIfAbsent(key, entry) != null) {
                throw new IllegalArgumentException("list " + name + ": keyword listed twice: " + entry.keyword());
            }
            normalizedKeywords.add(key);
            for (String exclusion : entry.exclusions()) {
                String ex = TextNormalizer.normalizeKeyword(exclusion);
                if (!ex.contains(key)) {
                    throw new IllegalArgumentException("list " + name + ": exclusion '" + exclusion
                            + "' does not contain its keyword '" + entry.keyword() + "'");
                }
                normalizedExclusions.add(ex);
                excludedKeywordsByPhrase.computeIfAbsent(ex, k -> new java.util.HashSet<>()).add(key);
            }
        }
        this.keywords = Trie.builder().addKeywords(normalizedKeywords).build();
        this.exclusions = Trie.builder().addKeywords(normalizedExclusions).build();
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

    /** Each entry that matches the text outside its exclusions, once, with the first place it matched. */
    public List<Match> find(TextNormalizer.Normalized text) {
        if (text.text().isEmpty()) {
            return List.of();
        }
        Collection<Emit> excluded = null;
        Map<String, Match> found = new LinkedHashMap<>();
        for (Emit emit : keywords.parseText(text.text())) {
            String key = emit.getKeyword();
            if (found.containsKey(key)) {
                continue;
            }
            if (excluded == null) {
                excluded = exclusions.parseText(text.text());
            }
            if (!insideExclusion(emit, key, excluded)) {
                found.put(key, new Match(byNormalized.get(key), emit.getStart(), emit.getEnd() + 1));
            }
        }
        return List.copyOf(found.values());
    }

    private boolean insideExclusion(Emit hit, String key, Collection<Emit> excluded) {
        for (Emit ex : excluded) {
            if (ex.getStart() <= hit.getStart() && hit.getEnd() <= ex.getEnd()
                    && excludedKeywordsByPhrase.get(ex.getKeyword()).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** An entry found at normalised positions [start, end). */
    public record Match(Entry entry, int start, int end) {
    }
}
