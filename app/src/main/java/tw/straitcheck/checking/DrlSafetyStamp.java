package tw.straitcheck.checking;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The packaged rules' DRL checked against the allow-list once, when the jar is built, instead of
 * at every start: the build runs {@link #main} on {@code rules/}, which refuses the build if a
 * file reaches outside the allow-list and otherwise writes the digest of the DRL it checked into
 * the jar ({@value #RESOURCE}). At load, DRL whose digest is that one is known to pass, so the
 * check (0.5–1 s of a cold start) is skipped; any other DRL (a working copy, a draft, a stored
 * version that differs) is checked as always.
 */
public final class DrlSafetyStamp {

    /** Outside {@code rules/}: the stamp is not one of the rule files (nor part of their digest). */
    static final String RESOURCE = "drl-safety/packaged-rules.sha256";

    private DrlSafetyStamp() {
    }

    /** SHA-256 over the DRL files' paths and texts, in path order, with the allow-list's edition. */
    static String digest(Map<String, byte[]> drl) {
        return RuleFiles.digest(AllowListDrlSafety.class.getName(), drl);
    }

    /** Whether these DRL files are the ones the build checked. */
    static boolean checkedAtBuild(Map<String, byte[]> drl) {
        return stamped().map(digest(drl)::equals).orElse(false);
    }

    private static Optional<String> stamped() {
        try (InputStream in = DrlSafetyStamp.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The build step: {@code DrlSafetyStamp <rules folder> <stamp file>}, run inside Maven's JVM
     * (so it never calls System.exit): fails, after printing each problem at its file and line,
     * when a DRL file of the folder reaches outside the allow-list; else writes the stamp.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DrlSafetyStamp <rules folder> <stamp file>");
        }
        if (stamp(Path.of(args[0]), Path.of(args[1]), System.out, System.err) != 0) {
            throw new IllegalStateException("the rules under " + args[0] + " reach outside what a rule may use (see above)");
        }
    }

    /** Checks the folder's DRL and writes the stamp; 0 when written, 1 when a file is refused (nothing written). */
    static int stamp(Path rules, Path stamp, PrintStream out, PrintStream err) {
        Map<String, byte[]> drl = RuleFiles.fromDirectory(rules).matching("", ".drl");
        Map<String, String> texts = new TreeMap<>();
        drl.forEach((path, content) -> texts.put(path, new String(content, StandardCharsets.UTF_8)));
        List<DrlSafety.RuleProblem> problems = new AllowListDrlSafety().check(texts);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println("the rules reach outside what a rule may use: " + problems.size() + " problem(s)");
            return 1;
        }
        try {
            Files.createDirectories(stamp.toAbsolutePath().getParent());
            Files.writeString(stamp, digest(drl) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("DRL safety: " + drl.size() + " files of " + rules + " within the allow-list; stamp " + stamp);
        return 0;
    }
}
