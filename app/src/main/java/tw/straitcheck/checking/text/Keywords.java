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

    public Keywords(Map<String, KeywordList> lists) {
        this.lists = Map.copyOf(lists);
    }

    public List<KeywordHit> find(String listName, TextField field) {
        if (field == null || field.getValue() == null) {
            return List.of();
        }
        KeywordList list = list(listName);
        TextNormalizer.Normalized text = field.normalized();
        List<KeywordList.Match> matches = list.find(text);
        if (matches.isEmpty()) {
            return List.of();
        }
        List<KeywordHit> hits = new ArrayList<>(matches.size());
        for (KeywordList.Match m : matches) {
            hits.add(new KeywordHit(listName, field.getPath(), field.getValue(), m.entry().keyword(),
                    m.entry().category(), text.context(m.start(), m.end(), CONTEXT_MARGIN)));
        }
        return hits;
    }

    public KeywordList list(String name) {
        KeywordList list = lists.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no keyword list named '" + name + "' in rules/lists/");
        }
        return list;
    }
}
