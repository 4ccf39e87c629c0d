package tw.straitcheck.checking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.checking.dates.DueDates;
import tw.straitcheck.checking.dates.NamedPeriod;
import tw.straitcheck.checking.dates.OfficeCalendar;
import tw.straitcheck.checking.dates.Period;
import tw.straitcheck.checking.DrlSafety.RuleProblem;
import tw.straitcheck.checking.facts.Codes;
import tw.straitcheck.checking.facts.PermitOffice;
import tw.straitcheck.checking.facts.PolicySetting;
import tw.straitcheck.checking.facts.SpecialIdentities;
import tw.straitcheck.checking.facts.SpecialIdentity;
import tw.straitcheck.checking.facts.TierRatio;
import tw.straitcheck.checking.text.KeywordList;
import tw.straitcheck.checking.text.Keywords;
import tw.straitcheck.checking.text.TextNormalizer;

/**
 * Builds a {@link Rulebase} from the files of {@code rules/}, once. Everything is checked here,
 * before the first submission: the DRL compiles (so a misspelt code such as
 * {@code Rank.GRADE_11_OR_ABOV} stops it), every rule that raises findings has its metadata and its
 * title in both languages, no ruleId is used twice, every citation and penalty resolves to a
 * passage, every period and list is well formed, every period, list and phrase the DRL names
 * exists, the data list of art 9(4) identities matches the engine's codes, and — before anything
 * is compiled — no DRL reaches outside the allow-list of {@link AllowListDrlSafety}.
 */
public final class RulebaseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RulebaseLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The allow-list every DRL file is checked against before it is compiled. */
    private static final DrlSafety SAFETY = new AllowListDrlSafety();
    /** Sessions kept ready; the pool grows under load and a disposed session is reset and reused. */
    private static final int SESSION_POOL_SIZE = 4;
    /** The data list of ACT art 9(4) identities, next to the provision's rules. */
    static final String SPECIAL_IDENTITIES = "act/art-9-entry-permits/special-identities.yaml";
    /** The named policy figures (poor-execution-rate). */
    static final String POLICY = "policy.yaml";
    /** SUBSIDY 3(1): the subsidy ratio of each financial tier, next to the provision's rules. */
    static final String TIER_RATIOS = "subsidy/point-3-1-ratio/tier-ratios.yaml";
    /** The variant folds applied after OpenCC to texts and list entries alike (rule catalogue D); not a keyword list. */
    static final String VARIANT_FOLDS = "lists/variant-folds.yaml";

    private RulebaseLoader() {
    }

    /** The version a rulebase of these files records with every verdict: its release and the start of its files' digest. */
    public static String versionOf(RuleFiles files) {
        return release(files) + "+" + files.digest().substring(0, 7);
    }

    /** The outcome of building a draft's files: the rulebase, or what stops it (each at its file and line where known). */
    public record Build(Rulebase rulebase, List<RuleProblem> problems) {
        public boolean built() {
            return rulebase != null;
        }
    }

    /**
     * Builds the files as {@link #load} does, but answers what stops them instead of throwing: the
     * DRL safety check of every file first (a draft's DRL is checked before anything is compiled),
     * then each Drools compile message at its file and line, then any other refusal (a citation
     * that does not resolve, a list that is malformed) as one problem.
     */
    public static Build tryLoad(RuleFiles files) {
        try {
            return new Build(load(files), List.of());
        } catch (DoesNotCompile refused) {
            return new Build(null, refused.problems);
        } catch (RuntimeException refused) {
            return new Build(null, List.of(new RuleProblem("", 0, refused.getMessage())));
        }
    }

    public static Rulebase load(RuleFiles files) {
        long started = System.nanoTime();
        Map<String, byte[]> drl = files.matching("", ".drl");
        // read while the data files load, on another core; joined before anything is compiled
        CompletableFuture<Long> safety = CompletableFuture.supplyAsync(() -> checkSafety(drl));
        try {
            return build(files, drl, started, safety);
        } catch (RuntimeException refused) {
            joined(safety); // a file outside the allow-list is the refusal to report, whatever else is wrong
            throw refused;
        }
    }

    private static Rulebase build(RuleFiles files, Map<String, byte[]> drl, long started, CompletableFuture<Long> safety) {
        String version = versionOf(files);
        SourceLibrary sources = SourceLibrary.load(files.matching("sources/", ".yaml"));
        OfficeCalendar calendar = OfficeCalendar.fromFiles(files.matching("calendar/", ".csv"));
        Map<String, NamedPeriod> periods = periods(files);
        DueDates dates = new DueDates(periods, calendar);
        TextNormalizer normalizer = variantFolds(files);
        Map<String, KeywordList> lists = keywordLists(files, normalizer);
        Keywords keywords = new Keywords(lists, normalizer);
        Messages messages = Messages.load(files);
        SpecialIdentities identities = specialIdentities(files, sources);
        Map<String, java.math.BigDecimal> settings = policySettings(files);
        List<Object> policyFacts = new ArrayList<>();
        settings.forEach((name, value) -> policyFacts.add(new PolicySetting(name, value)));
        policyFacts.addAll(tierRatios(files));
        long safetyMs = joined(safety);
        DrlReferences refs = DrlReferences.scan(drl);
        checkNames(refs, periods, lists, messages, sources);
        checkSettings(refs, settings.keySet());
        Optional<KieBase> compiledAtBuild = CompiledRules.forDrl(drl);
        KieBase kieBase = compiledAtBuild.orElseGet(() -> compile(drl, version, files.origin()));
        Map<String, RuleDefinition> definitions = Rulebase.index(definitions(kieBase, messages));
        checkMessageKeys(messages, definitions);
        // resolves every citation and penalty, and refuses the rulebase if one does not resolve
        Set<String> globals = new HashSet<>();
        kieBase.getKiePackages().forEach(p -> p.getGlobalVariables().forEach(g -> globals.add(g.getName())));
        Rulebase rulebase = new Rulebase(version, files.origin(), kieBase.newKieSessionsPool(SESSION_POOL_SIZE),
                definitions, dates, keywords, sources, messages, identities, policyFacts, globals);
        LOG.info("Rulebase {} loaded from {}: {} rules raising findings, calendars {}, in {} ms (DRL safety check {}; DRL {})",
                version, files.origin(), definitions.size(), calendar.loadedYears(),
                (System.nanoTime() - started) / 1_000_000, safetyMs < 0 ? "done when the jar was built" : safetyMs + " ms",
                compiledAtBuild.isPresent() ? "compiled when the jar was built" : "compiled now");
        return rulebase;
    }

    /**
     * Every DRL file stays inside what a rule may use ({@link AllowListDrlSafety}); checked before
     * anything is compiled, since compiling already evaluates a rule's metadata. The time it took,
     * or -1 for the packaged rules' DRL, checked when the jar was built ({@link DrlSafetyStamp}).
     */
    private static long checkSafety(Map<String, byte[]> drl) {
        long started = System.nanoTime();
        if (DrlSafetyStamp.checkedAtBuild(drl)) {
            return -1;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        drl.forEach((name, content) -> texts.put(name, new String(content, java.nio.charset.StandardCharsets.UTF_8)));
        List<DrlSafety.RuleProblem> problems = SAFETY.check(texts);
        if (!problems.isEmpty()) {
            throw new DoesNotCompile("the rules reach outside what a rule may use", problems);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long joined(CompletableFuture<Long> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
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
    record PeriodEntry(String length, List<String> lengths, String direction, String roll, String reference) {
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
            try {
                periods.put(e.getKey(), new NamedPeriod(e.getKey(),
                        lengths.stream().map(Period::parse).toList(),
                        NamedPeriod.Direction.valueOf(entry.direction().strip().toUpperCase(Locale.ROOT)),
                        NamedPeriod.Roll.parse(e.getKey(), entry.roll()),
                        entry.reference()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("rules/periods.yaml: " + bad.getMessage(), bad);
            }
        });
        return periods;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListFile(String name, String reference, List<JsonNode> entries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FoldFile(String reference, List<TextNormalizer.Fold> folds) {
    }

    private static TextNormalizer variantFolds(RuleFiles files) {
        String name = "rules/" + VARIANT_FOLDS;
        FoldFile file;
        try {
            file = YAML.convertValue(readYaml(files, VARIANT_FOLDS), FoldFile.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (file == null || file.reference() == null || file.reference().isBlank() || file.folds() == null) {
            throw new IllegalArgumentException(name + ": needs 'reference' and 'folds' (e.g. - { from: 臺, to: 台 })");
        }
        return TextNormalizer.withFolds(name, file.folds());
    }

    private static Map<String, KeywordList> keywordLists(RuleFiles files, TextNormalizer normalizer) {
        Map<String, KeywordList> lists = new LinkedHashMap<>();
        files.matching("lists/", ".yaml").forEach((name, content) -> {
            if (name.equals(VARIANT_FOLDS)) {
                return;
            }
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
                        : entry(name, node));
            }
            try {
                lists.put(file.name(), new KeywordList(file.name(), file.reference(), entries, normalizer));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rules/" + name + ": " + e.getMessage(), e);
            }
        });
        return lists;
    }

    /** The named policy figures of {@code rules/policy.yaml}: {@code name: {value: 60%, reference: …}}. */
    private static Map<String, java.math.BigDecimal> policySettings(RuleFiles files) {
        Map<String, java.math.BigDecimal> settings = new LinkedHashMap<>();
        if (!files.matching("", ".yaml").containsKey(POLICY)) {
            return settings;
        }
        readYaml(files, POLICY).path("settings").fields().forEachRemaining(e -> {
            String value = e.getValue().path("value").asText("").strip();
            String reference = e.getValue().path("reference").asText("").strip();
            if (reference.isEmpty()) {
                throw new IllegalArgumentException("rules/" + POLICY + ": setting '" + e.getKey() + "' has no reference");
            }
            settings.put(e.getKey(), percent("rules/" + POLICY + ": setting '" + e.getKey() + "'", value));
        });
        return settings;
    }

    /** SUBSIDY 3(1): the ratio of each financial tier 1–5, as data; every tier must be there. */
    private static List<TierRatio> tierRatios(RuleFiles files) {
        if (!files.matching("", ".yaml").containsKey(TIER_RATIOS)) {
            return List.of();
        }
        JsonNode root = readYaml(files, TIER_RATIOS);
        if (root.path("reference").asText("").isBlank()) {
            throw new IllegalArgumentException("rules/" + TIER_RATIOS + ": needs 'reference'");
        }
        List<TierRatio> ratios = new ArrayList<>();
        Set<Integer> tiers = new TreeSet<>();
        root.path("tiers").fields().forEachRemaining(e -> {
            int tier;
            try {
                tier = Integer.parseInt(e.getKey().strip());
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("rules/" + TIER_RATIOS + ": a tier is a number 1–5, was '" + e.getKey() + "'");
            }
            java.math.BigDecimal ratio = percent("rules/" + TIER_RATIOS + ": tier " + tier, e.getValue().asText("").strip())
                    .movePointLeft(2);
            tiers.add(tier);
            ratios.add(new TierRatio(tier, ratio));
        });
        if (!tiers.equals(new TreeSet<>(List.of(1, 2, 3, 4, 5)))) {
            throw new IllegalArgumentException("rules/" + TIER_RATIOS + ": needs exactly the tiers 1 to 5, has " + tiers);
        }
        return ratios;
    }

    /** "60%" → 60; a figure from 0% to 100%. */
    private static java.math.BigDecimal percent(String what, String text) {
        if (!text.endsWith("%")) {
            throw new IllegalArgumentException(what + ": write a percentage such as 60%, was '" + text + "'");
        }
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(text.substring(0, text.length() - 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a percentage: '" + text + "'");
        }
        if (value.signum() < 0 || value.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(what + ": a percentage from 0% to 100%, was '" + text + "'");
        }
        return value;
    }

    /** Every policy setting the DRL names ({@code PolicySetting( name == "poor-execution-rate" )}) must exist. */
    private static void checkSettings(DrlReferences refs, Set<String> settings) {
        Map<String, Set<String>> unknown = DrlReferences.unknown(refs.settings, settings);
        if (!unknown.isEmpty()) {
            List<String> problems = new ArrayList<>();
            unknown.forEach((name, where) -> problems.add("policy setting '" + name + "' is not in rules/" + POLICY
                    + " (named at " + String.join(", ", where) + ")"));
            throw new IllegalArgumentException("the rules name what does not exist or cannot be checked:\n  " + String.join("\n  ", problems));
        }
    }

    /** An entry written as a mapping; an unknown key (a misspelt {@code counterpartsOnly}) refuses the list. */
    private static KeywordList.Entry entry(String file, JsonNode node) {
        try {
            return YAML.convertValue(node, KeywordList.Entry.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rules/" + file + ": " + node + ": " + e.getMessage(), e);
        }
    }

    /** What refuses the rules before or as they compile (the allow-list, Drools), each at its file (relative to rules/) and line. */
    static final class DoesNotCompile extends IllegalArgumentException {
        private final transient List<RuleProblem> problems;

        DoesNotCompile(List<RuleProblem> problems) {
            this("the rules do not compile", problems);
        }

        DoesNotCompile(String why, List<RuleProblem> problems) {
            super(why + ":\n" + problems.stream()
                    .map(p -> "  " + p.file() + ":" + p.line() + ": " + p.message())
                    .collect(Collectors.joining("\n")));
            this.problems = List.copyOf(problems);
        }
    }

    /** The DRL compiled into an immutable rulebase; refused with every problem when it does not compile. */
    static KieBase compile(Map<String, byte[]> drl, String version, String origin) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        // a release id of its own, so rulebases built side by side (a published one and a draft) never mix
        ReleaseId releaseId = kie.newReleaseId("tw.straitcheck.rulebase", "rulebase",
                version.replaceAll("[^A-Za-z0-9.]", "-"));
        kfs.generateAndWritePomXML(releaseId);
        if (drl.isEmpty()) {
            throw new IllegalArgumentException("no .drl files under " + origin);
        }
        drl.forEach((name, content) -> kfs.write("src/main/resources/" + name, content));
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new DoesNotCompile(errors.stream()
                    .map(m -> new RuleProblem(m.getPath() == null ? "" : m.getPath().replaceFirst("^src/main/resources/", ""),
                            Math.max(m.getLine(), 0), m.getText()))
                    .toList());
        }
        // A built rulebase is never changed: a new version is a new rulebase. So its sessions keep
        // their facts in one identity map, not in a store per fact class, which each pool reset
        // throws away and each check builds again, comparing every class with every other.
        KieBaseConfiguration immutable = kie.newKieBaseConfiguration();
        immutable.setOption(KieBaseMutabilityOption.DISABLED);
        return kie.newKieContainer(releaseId).newKieBase(immutable);
    }

    /** Every period, list and phrase the DRL names must exist: a misspelt name would otherwise fail on some submission, or never match. */
    private static void checkNames(DrlReferences refs, Map<String, NamedPeriod> periods, Map<String, KeywordList> lists,
            Messages messages, SourceLibrary sources) {
        List<String> problems = new ArrayList<>(refs.notLiteral);
        for (DrlReferences.Use use : refs.sourceRefs) {
            // a penalty a derived fact chooses ("ACT art 90-2(2)") is resolved when a finding is reported: check it now
            RuleDefinition.SourceRef ref = RuleDefinition.SourceRef.parse(use.name());
            if (!sources.passages(ref.source()).isEmpty() && sources.passage(ref.source(), ref.ref()).isEmpty()) {
                problems.add("'" + use.name() + "' is not a passage of rules/sources/ (named at " + use.where() + ")");
            }
        }
        DrlReferences.unknown(refs.periods, periods.keySet()).forEach((name, where) -> problems.add(
                "period '" + name + "' is not in rules/periods.yaml (named at " + String.join(", ", where) + ")"));
        DrlReferences.unknown(refs.lists, lists.keySet()).forEach((name, where) -> problems.add(
                "keyword list '" + name + "' is not in rules/lists/ (named at " + String.join(", ", where) + ")"));
        DrlReferences.unknown(refs.phrases, messages.keys()).forEach((name, where) -> problems.add(
                "phrase '" + name + "' is not in rules/messages/ (named at " + String.join(", ", where) + ")"));
        for (PermitOffice office : PermitOffice.values()) {
            if (!messages.has(office.phraseKey())) {
                problems.add("phrase '" + office.phraseKey() + "' (where a " + office + " permit is applied for) is not in rules/messages/");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the rules name what does not exist or cannot be checked:\n  " + String.join("\n  ", problems));
        }
    }

    /** A title or note key must belong to a rule: a misspelt ruleId would silently drop a note. */
    private static void checkMessageKeys(Messages messages, Map<String, RuleDefinition> definitions) {
        List<String> orphans = new ArrayList<>();
        for (String key : messages.keys()) {
            for (String suffix : List.of(".title", ".note")) {
                if (key.endsWith(suffix) && !definitions.containsKey(key.substring(0, key.length() - suffix.length()))) {
                    orphans.add(key);
                }
            }
        }
        if (!orphans.isEmpty()) {
            throw new IllegalArgumentException("rules/messages/: no rule has the ruleId of " + orphans);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdentityList(String reference, Map<String, Integer> identities,
            @JsonProperty("return-report-fine") Fine returnReportFine) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Fine(String penalty, List<Integer> subparagraphs) {
        }
    }

    /** The art 9(4) identities: exactly the engine's codes, each with a subparagraph that the act has. */
    private static SpecialIdentities specialIdentities(RuleFiles files, SourceLibrary sources) {
        String name = "rules/" + SPECIAL_IDENTITIES;
        IdentityList list = YAML.convertValue(readYaml(files, SPECIAL_IDENTITIES), IdentityList.class);
        if (list.reference() == null || list.identities() == null || list.returnReportFine() == null
                || list.returnReportFine().penalty() == null || list.returnReportFine().subparagraphs() == null) {
            throw new IllegalArgumentException(name + ": needs 'reference', 'identities' and 'return-report-fine' with 'penalty' and 'subparagraphs'");
        }
        Set<String> listed = new TreeSet<>(list.identities().keySet());
        Set<String> codes = new TreeSet<>(Codes.names(SpecialIdentity.class));
        if (!listed.equals(codes)) {
            Set<String> unknown = new TreeSet<>(listed);
            unknown.removeAll(codes);
            Set<String> missing = new TreeSet<>(codes);
            missing.removeAll(listed);
            throw new IllegalArgumentException(name + ": the identities must be exactly the codes of SpecialIdentity;"
                    + (unknown.isEmpty() ? "" : " unknown: " + unknown) + (missing.isEmpty() ? "" : " missing: " + missing));
        }
        RuleDefinition.SourceRef article = RuleDefinition.SourceRef.parse(list.reference());
        Map<SpecialIdentity, Integer> subparagraphs = new EnumMap<>(SpecialIdentity.class);
        list.identities().forEach((code, n) -> {
            String ref = article.ref() + "(" + n + ")";
            if (n == null || sources.passage(article.source(), ref).isEmpty()) {
                throw new IllegalArgumentException(name + ": " + code + " is subparagraph " + n + ", but "
                        + article.source() + " " + ref + " is not in rules/sources/");
            }
            subparagraphs.put(SpecialIdentity.valueOf(code), n);
        });
        Set<Integer> fined = new TreeSet<>(list.returnReportFine().subparagraphs());
        if (!subparagraphs.values().containsAll(fined)) {
            throw new IllegalArgumentException(name + ": return-report-fine names a subparagraph no identity has: " + fined);
        }
        return new SpecialIdentities(subparagraphs, list.returnReportFine().penalty().strip(), fined);
    }

    private static List<RuleDefinition> definitions(KieBase kieBase, Messages messages) {
        List<RuleDefinition> definitions = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (RuleDefinition.raisesFindings(rule.getMetaData())) {
                    definitions.add(RuleDefinition.fromMetadata(pkg.getName(), rule.getName(), rule.getMetaData(), messages));
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
