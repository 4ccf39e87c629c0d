package tw.straitcheck.checking.text;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entries and exclusions of one or more keyword lists in one Aho–Corasick automaton (a
 * double-array trie, so a text is scanned once, a character at a time, whatever the number of lists
 * and entries). What a scan finds is then read per list: each entry once, at the first place where
 * it is not inside one of its exclusions.
 */
final class EntryAutomaton {

    /** What a phrase in matching form is to one list: an entry, and/or an exclusion of some of its entries. */
    private record Role(int list, String key, KeywordList.Entry entry, Set<String> excludes) {
    }

    /** An entry (by its matching form {@code key}) found at [begin, end) of the text. */
    private record Candidate(String key, KeywordList.Entry entry, int begin, int end) {
    }

    /** Where an exclusion was found in the text, and which entries it excludes there. */
    private record Excluded(int begin, int end, Set<String> entries) {
    }

    private final int lists;
    /** null when no list has an entry. */
    private final AhoCorasickDoubleArrayTrie<Role[]> trie;

    /**
     * @param entries per list, its entries by their matching form
     * @param exclusions per list, its exclusion phrases (matching form) with the entries each excludes
     */
    EntryAutomaton(List<Map<String, KeywordList.Entry>> entries, List<Map<String, Set<String>>> exclusions) {
        this.lists = entries.size();
        Map<String, List<Role>> roles = new TreeMap<>();
        for (int list = 0; list < lists; list++) {
            int l = list;
            entries.get(list).forEach((key, entry) -> roles.computeIfAbsent(key, k -> new ArrayList<>()).add(new Role(l, key, entry, null)));
            exclusions.get(list).forEach((phrase, excluded) ->
                    roles.computeIfAbsent(phrase, k -> new ArrayList<>()).add(new Role(l, phrase, null, excluded)));
        }
        if (roles.isEmpty()) {
            trie = null;
            return;
        }
        Map<String, Role[]> byPhrase = new TreeMap<>();
        roles.forEach((phrase, r) -> byPhrase.put(phrase, r.toArray(Role[]::new)));
        trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(byPhrase);
    }

    /** Per list (in the order given), the entries found in the text (in matching form), in the order they were first found. */
    List<List<KeywordList.Match>> find(String text) {
        List<List<KeywordList.Match>> none = new ArrayList<>(lists);
        for (int i = 0; i < lists; i++) {
            none.add(List.of());
        }
        if (trie == null || text.isEmpty()) {
            return none;
        }
        List<List<Candidate>> candidates = new ArrayList<>(lists);
        List<List<Excluded>> excluded = new ArrayList<>(lists);
        for (int i = 0; i < lists; i++) {
            candidates.add(new ArrayList<>(0));
            excluded.add(new ArrayList<>(0));
        }
        boolean[] any = {false};
        trie.parseText(text, (begin, end, roles) -> {
            for (Role r : roles) {
                if (r.entry() != null) {
                    candidates.get(r.list()).add(new Candidate(r.key(), r.entry(), begin, end));
                    any[0] = true;
                } else {
                    excluded.get(r.list()).add(new Excluded(begin, end, r.excludes()));
                }
            }
        });
        if (!any[0]) {
            return none;
        }
        List<List<KeywordList.Match>> found = new ArrayList<>(lists);
        for (int i = 0; i < lists; i++) {
            found.add(firstOutsideExclusions(candidates.get(i), excluded.get(i)));
        }
        return found;
    }

    private static List<KeywordList.Match> firstOutsideExclusions(List<Candidate> candidates, List<Excluded> excluded) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, KeywordList.Match> first = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (!first.containsKey(c.key()) && !inside(c, excluded)) {
                first.put(c.key(), new KeywordList.Match(c.entry(), c.begin(), c.end()));
            }
        }
        return List.copyOf(first.values());
    }

    private static boolean inside(Candidate c, List<Excluded> excluded) {
        for (Excluded ex : excluded) {
            if (ex.begin() <= c.begin() && c.end() <= ex.end() && ex.entries().contains(c.key())) {
                return true;
            }
        }
        return false;
    }
}
