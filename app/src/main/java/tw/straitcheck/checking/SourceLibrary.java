package tw.straitcheck.checking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.straitcheck.system.Localized;

/**
 * The cited texts of {@code rules/sources/*.yaml} (the act's articles, the entry rules' points,
 * the handbook's sections, the subsidy guideline's points), so every citation resolves to its passage.
 */
public final class SourceLibrary {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SourceFile(String source, Localized title, String version, String seed, List<PassageEntry> passages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PassageEntry(String ref, String heading, String text, Passage.Fine fine) {
    }

    /** A source document's identity, for listings. */
    public record Document(String source, Localized title, String version, String seed) {
    }

    private final Map<String, Document> documents;
    private final Map<String, Map<String, Passage>> passages;

    private SourceLibrary(Map<String, Document> documents, Map<String, Map<String, Passage>> passages) {
        this.documents = documents;
        this.passages = passages;
    }

    public static SourceLibrary load(Map<String, byte[]> yamlFiles) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Document> documents = new LinkedHashMap<>();
        Map<String, Map<String, Passage>> passages = new LinkedHashMap<>();
        yamlFiles.forEach((name, content) -> {
            SourceFile file;
            try {
                file = yaml.readValue(content, SourceFile.class);
            } catch (IOException e) {
                throw new UncheckedIOException("rules/" + name + ": " + e.getMessage(), e);
            }
            if (file.source() == null || file.passages() == null) {
                throw new IllegalArgumentException("rules/" + name + ": needs 'source' and 'passages'");
            }
            documents.put(file.source(), new Document(file.source(), file.title(), file.version(), file.seed()));
            Map<String, Passage> byRef = passages.computeIfAbsent(file.source(), s -> new LinkedHashMap<>());
            for (PassageEntry p : file.passages()) {
                if (p.ref() == null || p.text() == null || p.text().isBlank()) {
                    throw new IllegalArgumentException("rules/" + name + ": a passage needs 'ref' and 'text'");
                }
                Passage passage = new Passage(file.source(), p.ref(), p.heading(), p.text().strip(), p.fine());
                if (byRef.put(p.ref(), passage) != null) {
                    throw new IllegalArgumentException("rules/" + name + ": ref listed twice: " + p.ref());
                }
            }
        });
        return new SourceLibrary(documents, passages);
    }

    public Optional<Passage> passage(String source, String ref) {
        return Optional.ofNullable(passages.getOrDefault(source, Map.of()).get(ref));
    }

    public Map<String, Document> documents() {
        return documents;
    }

    public List<Passage> passages(String source) {
        return List.copyOf(passages.getOrDefault(source, Map.of()).values());
    }
}
