package tw.straitcheck.rulebook;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged case corpus ({@code test-cases/}, put on the classpath by the build as rules/ is),
 * indexed by ruleId for the rulebook: the cases that expect a rule to be raised, and those that
 * list it {@code absent}. Run from the jar, the corpus is copied out once to a temporary folder,
 * since a case names its baseline by a path beside it. Read on first use, then kept.
 */
@Singleton
class CaseLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLibrary.class);
    static final String FOLDER = "test-cases";

    /** A case as the rule page lists it: its name, its file under test-cases/ and the verdict it expects. */
    public record CaseRef(String name, String file, String verdict) {
    }

    /** The cases that raise a rule and those that list it absent. */
    public record Cases(List<CaseRef> raising, List<CaseRef> absent) {
    }

    private Map<String, Cases> byRule;

    synchronized Cases of(String ruleId) {
        if (byRule == null) {
            byRule = index(corpus());
        }
        return byRule.getOrDefault(ruleId, new Cases(List.of(), List.of()));
    }

    private static Map<String, Cases> index(Path root) {
        Map<String, List<CaseRef>> raising = new LinkedHashMap<>();
        Map<String, List<CaseRef>> absent = new LinkedHashMap<>();
        for (Path path : CaseRunner.caseFiles(root)) {
            CaseFile c;
            try {
                c = CaseFile.read(path);
            } catch (IOException e) {
                LOG.warn("case {} is not shown in the rulebook: {}", path, e.getMessage());
                continue;
            }
            CaseRef ref = new CaseRef(c.name(), root.relativize(path).toString().replace('\\', '/'), c.expect().verdict());
            c.expect().findings().stream().map(CaseFile.ExpectedFinding::ruleId).distinct()
                    .forEach(id -> raising.computeIfAbsent(id, k -> new ArrayList<>()).add(ref));
            c.expect().absent().forEach(id -> absent.computeIfAbsent(id, k -> new ArrayList<>()).add(ref));
        }
        Map<String, Cases> cases = new LinkedHashMap<>();
        raising.keySet().forEach(id -> cases.put(id, null));
        absent.keySet().forEach(id -> cases.put(id, null));
        cases.replaceAll((id, none) -> new Cases(List.copyOf(raising.getOrDefault(id, List.of())),
                List.copyOf(absent.getOrDefault(id, List.of()))));
        return cases;
    }

    /** The corpus's folder: on disk as the build left it, or copied out of the jar. */
    private static Path corpus() {
        URL marker = CaseLibrary.class.getClassLoader().getResource(FOLDER + "/README.md");
        if (marker == null) {
            throw new IllegalStateException("no case corpus on the classpath (" + FOLDER + "/README.md is missing)");
        }
        try {
            if (!"jar".equals(marker.getProtocol())) {
                return Path.of(marker.toURI()).getParent();
            }
            Path copy = Files.createTempDirectory("straitcheck-cases");
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (!entry.isDirectory() && entry.getName().startsWith(FOLDER + "/")) {
                        Path target = copy.resolve(entry.getName()).normalize();
                        if (!target.startsWith(copy)) {
                            continue;
                        }
                        Files.createDirectories(target.getParent());
                        try (InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, target);
                        }
                    }
                }
            }
            return copy.resolve(FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged case corpus", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
