package tw.straitcheck.checking.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tw.straitcheck.checking.facts.KeywordHit;
import tw.straitcheck.checking.facts.TextField;

/**
 * The keyword lists of {@code rules/lists/}, by name. Used by the DRL as the global
 * {@code keywords}: the rules decide which fields are matched against which list.
 */
public final class Keywords {

    /** Characters of the original text quoted on each side of a match. */
    private static final int CONTEXT_MARGIN = 10;

    private final Map<String, KeywordList> lists;
    private final TextNormalizer normalizer;

    /** Lists matched without variant folds (tests of the matching itself). */
    public Keywords(Map<String, KeywordList> lists) {
        this(lists, TextNormalizer.WITHOUT_FOLDS);
    }

    /** The lists, each built with {@code normalizer}, which texts are normalised with too. */
    public Keywords(Map<String, KeywordList> lists, TextNormalizer normalizer) {
        this.lists = Map.copyOf(lists);
        this.normalizer = normalizer;
    }

    /** The rulebase's normalisation: OpenCC s2t, the variant folds of rules/lists/variant-folds.yaml, width, case, spaces. */
    public TextNormalizer normalizer() {
        return normalizer;
    }

    public List<KeywordHit> find(String listName, TextField field) {
        if (field == null || field.getValue() == null) {
            return List.of();
        }
        KeywordList list = list(listName);
        TextNormalizer.Normalized text = field.normalized(normalizer);
        List<KeywordList.Match> matches = list.find(text);
        if (matches.isEmpty()) {
            return List.of();
        }
        List<KeywordHit> hits = new ArrayList<>(matches.size());
        for (KeywordList.Match m : matches) {
            hits.add(new KeywordHit(listName, field.getPath(), field.getValue(), m.entry().keyword(),
                    m.entry().category(), text.context(m.start(), m.end(), CONTEXT_MARGIN), m.entry().counterpartsOnly()));
        }
        return hits;
    }

    /** The names of the lists, e.g. to check every entry of every list. */
    public java.util.Set<String> names() {
        return new java.util.TreeSet<>(lists.keySet());
    }

    public KeywordList list(String name) {
        KeywordList list = lists.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no keyword list named '" + name + "' in rules/lists/");
        }
        return list;
    }
}
