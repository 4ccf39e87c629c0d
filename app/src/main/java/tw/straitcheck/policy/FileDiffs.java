package tw.straitcheck.policy;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tw.straitcheck.checking.RuleFiles;

/** The difference of a draft from the published version, file by file, as unified diffs (java-diff-utils). */
final class FileDiffs {

    private static final int CONTEXT_LINES = 3;

    private FileDiffs() {
    }

    enum Change { ADDED, REMOVED, CHANGED }

    /** One file that differs; {@code lines} is its unified diff. */
    @Serdeable
    record FileDiff(String path, Change change, List<String> lines) {
    }

    static List<FileDiff> between(RuleFiles published, RuleFiles draft) {
        Map<String, byte[]> before = published.all();
        Map<String, byte[]> after = draft.all();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            byte[] a = before.get(path);
            byte[] b = after.get(path);
            if (a != null && b != null && java.util.Arrays.equals(a, b)) {
                continue;
            }
            List<String> old = lines(a);
            List<String> now = lines(b);
            Patch<String> patch = DiffUtils.diff(old, now);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(a == null ? "/dev/null" : "a/" + path,
                    b == null ? "/dev/null" : "b/" + path, old, patch, CONTEXT_LINES);
            diffs.add(new FileDiff(path, a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED, unified));
        }
        return diffs;
    }

    private static List<String> lines(byte[] content) {
        if (content == null) {
            return List.of();
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return List.of(text.split("\r?\n", -1));
    }
}
