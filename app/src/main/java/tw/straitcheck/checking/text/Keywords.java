package tw.straitcheck.checking.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tw.straitcheck.checking.facts.KeywordHit;
import tw.straitcheck.checking.facts.TextField;

/**
 * The keyword lists of {@code rules/lists/}, by name. The engine matches every text of a check
 * against every list once ({@link #hits}) and gives the rules the hits as facts; the rules decide
 * which fields count for which list. Also the DRL's global {@code keywords}, for a rule that asks
 * one list of one text ({@link #find}).
 */
public final class Keywords {

    /** Characters of the original text quoted on each side of a match. */
    private static final int CONTEXT_MARGIN = 10;

    private final Map<String, KeywordList> lists;
    private final TextNormalizer normalizer;
    private final List<String> names;
    /** Every list in one automaton, in the order of {@link #names}: a text is scanned once for all of them. */
    private final EntryAutomaton everyList;

    /** Lists matched without variant folds (tests of the matching itself). */
    public Keywords(Map<String, KeywordList> lists) {
        this(lists, TextNormalizer.WITHOUT_FOLDS);
    }

    /** The lists, each built with {@code normalizer}, which texts are normalised with too. */
    public Keywords(Map<String, KeywordList> lists, TextNormalizer normalizer) {
        this.lists = Map.copyOf(lists);
        this.normalizer = normalizer;
        this.names = List.copyOf(new TreeSet<>(this.lists.keySet()));
        List<Map<String, KeywordList.Entry>> entries = new ArrayList<>();
        List<Map<String, Set<String>>> exclusions = new ArrayList<>();
        for (String name : names) {
            entries.add(this.lists.get(name).entriesByMatchingForm());
            exclusions.add(this.lists.get(name).exclusionsByMatchingForm());
        }
        this.everyList = new EntryAutomaton(entries, exclusions);
    }

    /** The rulebase's normalisation: OpenCC s2t, the variant folds of rules/lists/variant-folds.yaml, width, case, spaces. */
    public TextNormalizer normalizer() {
        return normalizer;
    }

    /** The entries of one list found in the field, each once, outside its exclusions. */
    public List<KeywordHit> find(String listName, TextField field) {
        if (field == null || field.getValue() == null) {
            return List.of();
        }
        TextNormalizer.Normalized text = field.normalized(normalizer);
        return hits(listName, list(listName).find(text), field, text, new ArrayList<>());
    }

    /**
     * The entries of every list found in the field: what {@link #find} gives for each list, in the
     * order of the list names, from one scan of the text.
     */
    public List<KeywordHit> hits(TextField field) {
        if (field.getValue() == null) {
            return List.of();
        }
        TextNormalizer.Normalized text = field.normalized(normalizer);
        List<List<KeywordList.Match>> found = everyList.find(text.text());
        List<KeywordHit> hits = null;
        for (int i = 0; i < names.size(); i++) {
            if (!found.get(i).isEmpty()) {
                hits = hits(names.get(i), found.get(i), field, text, hits == null ? new ArrayList<>() : hits);
            }
        }
        return hits == null ? List.of() : hits;
    }

    private static List<KeywordHit> hits(String list, List<KeywordList.Match> matches, TextField field,
            TextNormalizer.Normalized text, List<KeywordHit> into) {
        for (KeywordList.Match m : matches) {
            into.add(new KeywordHit(list, field, m.entry().keyword(), m.entry().category(),
                    text.context(m.start(), m.end(), CONTEXT_MARGIN), m.entry().counterpartsOnly()));
        }
        return into;
    }

    /** The names of the lists, e.g. to check every entry of every list. */
    public List<String> names() {
        return names;
    }

    public KeywordList list(String name) {
        KeywordList list = lists.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no keyword list named '" + name + "' in rules/lists/");
        }
        return list;
    }
}
