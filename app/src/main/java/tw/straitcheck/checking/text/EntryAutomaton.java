package tw.straitcheck.checking.text;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collections;
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
    /** What a text with no entry gives: an empty list per list. */
    private final List<List<KeywordList.Match>> nothing;
    /** null when no list has an entry. */
    private final AhoCorasickDoubleArrayTrie<Role[]> trie;

    /**
     * @param entries per list, its entries by their matching form
     * @param exclusions per list, its exclusion phrases (matching form) with the entries each excludes
     */
    EntryAutomaton(List<Map<String, KeywordList.Entry>> entries, List<Map<String, Set<String>>> exclusions) {
        this.lists = entries.size();
        this.nothing = Collections.nCopies(lists, List.<KeywordList.Match>of());
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
        if (trie == null || text.isEmpty()) {
            return nothing;
        }
        // nearly every text holds no entry: nothing is allocated until one is found
        @SuppressWarnings("unchecked")
        List<Candidate>[] candidates = new List[lists];
        @SuppressWarnings("unchecked")
        List<Excluded>[] excluded = new List[lists];
        boolean[] any = {false};
        trie.parseText(text, (begin, end, roles) -> {
            for (Role r : roles) {
                if (r.entry() != null) {
                    if (candidates[r.list()] == null) {
                        candidates[r.list()] = new ArrayList<>(2);
                    }
                    candidates[r.list()].add(new Candidate(r.key(), r.entry(), begin, end));
                    any[0] = true;
                } else {
                    if (excluded[r.list()] == null) {
                        excluded[r.list()] = new ArrayList<>(2);
                    }
                    excluded[r.list()].add(new Excluded(begin, end, r.excludes()));
                }
            }
        });
        if (!any[0]) {
            return nothing;
        }
        List<List<KeywordList.Match>> found = new ArrayList<>(lists);
        for (int i = 0; i < lists; i++) {
            found.add(candidates[i] == null ? List.of()
                    : firstOutsideExclusions(candidates[i], excluded[i] == null ? List.of() : excluded[i]));
        }
        return found;
    }

    private static List<KeywordList.Match> firstOutsideExclusions(List<Candidate> candidates, List<Excluded> excluded) {
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
