package tw.straitcheck.checking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.checking.dates.DueDates;
import tw.straitcheck.checking.dates.NamedPeriod;
import tw.straitcheck.checking.dates.OfficeCalendar;
import tw.straitcheck.checking.dates.Period;
import tw.straitcheck.checking.text.KeywordList;
import tw.straitcheck.checking.text.Keywords;

/**
 * Builds a {@link Rulebase} from the files of {@code rules/}, once. Everything is checked here,
 * before the first submission: the DRL compiles, every rule that raises findings has its metadata,
 * no ruleId is used twice, every citation and penalty resolves to a passage, every period and list
 * is well formed.
 */
public final class RulebaseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RulebaseLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Sessions kept ready; the pool grows under load and a disposed session is reset and reused. */
    private static final int SESSION_POOL_SIZE = 4;

    private RulebaseLoader() {
    }

    public static Rulebase load(RuleFiles files) {
        long started = System.nanoTime();
        String version = release(files) + "+" + files.digest().substring(0, 7);
        SourceLibrary sources = SourceLibrary.load(files.matching("sources/", ".yaml"));
        OfficeCalendar calendar = OfficeCalendar.fromFiles(files.matching("calendar/", ".csv"));
        DueDates dates = new DueDates(periods(files), calendar);
        Keywords keywords = new Keywords(keywordLists(files));
        KieContainer container = compile(files, version);
        KieBase kieBase = container.getKieBase();
        Map<String, RuleDefinition> definitions = Rulebase.index(definitions(kieBase));
        // resolves every citation and penalty, and refuses the rulebase if one does not resolve
        Rulebase rulebase = new Rulebase(version, files.origin(), container.newKieSessionsPool(SESSION_POOL_SIZE),
                definitions, dates, keywords, sources);
        LOG.info("Rulebase {} loaded from {}: {} rules raising findings, calendars {}, in {} ms",
                version, files.origin(), definitions.size(), calendar.loadedYears(),
                (System.nanoTime() - started) / 1_000_000);
        return rulebase;
    }

    private static String release(RuleFiles files) {
        JsonNode manifest = readYaml(files, "rulebase.yaml");
        String release = manifest.path("release").asText("");
        if (release.isBlank()) {
            throw new IllegalArgumentException("rules/rulebase.yaml needs 'release', e.g. release: 2026.11.1");
        }
        return release;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PeriodEntry(String length, List<String> lengths, String direction, String reference) {
    }

    private static Map<String, NamedPeriod> periods(RuleFiles files) {
        JsonNode root = readYaml(files, "periods.yaml").path("periods");
        Map<String, NamedPeriod> periods = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            PeriodEntry entry = YAML.convertValue(e.getValue(), PeriodEntry.class);
            List<String> lengths = entry.lengths() != null ? entry.lengths()
                    : entry.length() != null ? List.of(entry.length()) : List.of();
            if (entry.direction() == null) {
                throw new IllegalArgumentException("rules/periods.yaml: period '" + e.getKey() + "' needs direction: before|after");
            }
            periods.put(e.getKey(), new NamedPeriod(e.getKey(),
                    lengths.stream().map(Period::parse).toList(),
                    NamedPeriod.Direction.valueOf(entry.direction().strip().toUpperCase(Locale.ROOT)),
                    entry.reference()));
        });
        return periods;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListFile(String name, String reference, List<JsonNode> entries) {
    }

    private static Map<String, KeywordList> keywordLists(RuleFiles files) {
        Map<String, KeywordList> lists = new LinkedHashMap<>();
        files.matching("lists/", ".yaml").forEach((name, content) -> {
            ListFile file;
            try {
                file = YAML.readValue(content, ListFile.class);
            } catch (IOException e) {
                throw new UncheckedIOException("rules/" + name + ": " + e.getMessage(), e);
            }
            if (file.name() == null || file.entries() == null) {
                throw new IllegalArgumentException("rules/" + name + ": needs 'name' and 'entries'");
            }
            List<KeywordList.Entry> entries = new ArrayList<>();
            for (JsonNode node : file.entries()) {
                entries.add(node.isTextual()
                        ? new KeywordList.Entry(node.asText(), null, List.of())
                        : YAML.convertValue(node, KeywordList.Entry.class));
            }
            lists.put(file.name(), new KeywordList(file.name(), file.reference(), entries));
        });
        return lists;
    }

    private static KieContainer compile(RuleFiles files, String version) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        // a release id of its own, so rulebases built side by side (a published one and a draft) never mix
        ReleaseId releaseId = kie.newReleaseId("tw.straitcheck.rulebase", "rulebase",
                version.replaceAll("[^A-Za-z0-9.]", "-"));
        kfs.generateAndWritePomXML(releaseId);
        Map<String, byte[]> drl = files.matching("", ".drl");
        if (drl.isEmpty()) {
            throw new IllegalArgumentException("no .drl files under " + files.origin());
        }
        drl.forEach((name, content) -> kfs.write("src/main/resources/" + name, content));
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("the rules do not compile:\n" + errors.stream()
                    .map(m -> "  " + m.getPath() + ":" + m.getLine() + ": " + m.getText())
                    .collect(Collectors.joining("\n")));
        }
        return kie.newKieContainer(releaseId);
    }

    private static List<RuleDefinition> definitions(KieBase kieBase) {
        List<RuleDefinition> definitions = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (RuleDefinition.raisesFindings(rule.getMetaData())) {
                    definitions.add(RuleDefinition.fromMetadata(pkg.getName(), rule.getName(), rule.getMetaData()));
                }
            }
        }
        definitions.sort(Comparator.comparing(RuleDefinition::ruleId));
        return definitions;
    }

    private static JsonNode readYaml(RuleFiles files, String name) {
        try {
            return YAML.readTree(files.bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException("rules/" + name + ": " + e.getMessage(), e);
        }
    }
}
