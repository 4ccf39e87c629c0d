package tw.straitcheck.checking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of a rulebase as policy staff keep them under {@code rules/}: DRL, lists, periods,
 * calendars and cited sources, by their path relative to that folder ("calendar/2026.csv").
 * Read either from a folder on disk (a working copy being edited) or from the classpath (the
 * rulebase packaged into the application).
 */
public final class RuleFiles {

    private final String origin;
    private final NavigableMap<String, byte[]> files;

    private RuleFiles(String origin, NavigableMap<String, byte[]> files) {
        this.origin = origin;
        this.files = Collections.unmodifiableNavigableMap(files);
    }

    /** Files kept elsewhere (a rulebase version stored in the database), by their path relative to rules/. */
    public static RuleFiles of(String origin, Map<String, byte[]> files) {
        NavigableMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, content) -> copy.put(name, content.clone()));
        return new RuleFiles(origin, copy);
    }

    public static RuleFiles fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("rules folder not found: " + root);
        }
        NavigableMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!isIgnored(name)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + root, e);
        }
        return new RuleFiles(root.toAbsolutePath().toString(), files);
    }

    /** The rulebase packaged under {@code rules/} on the classpath (in the jar, or target/classes). */
    public static RuleFiles fromClasspath() {
        URL marker = RuleFiles.class.getClassLoader().getResource("rules/rulebase.yaml");
        if (marker == null) {
            throw new IllegalStateException("no rulebase on the classpath (rules/rulebase.yaml is missing)");
        }
        try {
            if ("jar".equals(marker.getProtocol())) {
                return fromJar(marker);
            }
            return fromDirectory(Path.of(marker.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged rulebase", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleFiles fromJar(URL marker) throws IOException {
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        NavigableMap<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith("rules/") && !isIgnored(name)) {
                    files.put(name.substring("rules/".length()), jar.getInputStream(entry).readAllBytes());
                }
            }
        }
        return new RuleFiles(marker.toString(), files);
    }

    private static boolean isIgnored(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.startsWith(".") || base.endsWith("~");
    }

    public String origin() {
        return origin;
    }

    /** Paths under the given folder ("calendar/") ending with the given suffix (".csv"), in order. */
    public Map<String, byte[]> matching(String folder, String suffix) {
        Map<String, byte[]> found = new TreeMap<>();
        files.forEach((name, content) -> {
            if (name.startsWith(folder) && name.endsWith(suffix)) {
                found.put(name, content);
            }
        });
        return found;
    }

    /** Every file, by path, in path order. */
    public NavigableMap<String, byte[]> all() {
        return files;
    }

    public byte[] bytes(String name) {
        byte[] content = files.get(name);
        if (content == null) {
            throw new IllegalStateException("rules/" + name + " is missing from " + origin);
        }
        return content;
    }

    public String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * SHA-256 over every file's path and content: the same files give the same digest, whatever
     * the folder they sit in or the order they were read.
     */
    public String digest() {
        return digest("", files);
    }

    /** SHA-256 over a label and then each file's path and content, in path order. */
    static String digest(String label, Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(label.getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(files).forEach((name, content) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
