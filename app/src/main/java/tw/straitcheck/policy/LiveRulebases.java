package tw.straitcheck.policy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.checking.RulebaseLoader;
import tw.straitcheck.checking.RulebaseSchedule;
import tw.straitcheck.system.Messages;

/**
 * The published rulebase versions this instance checks with, each built once: a check takes the
 * version in force on its {@code asOf} (the latest published one whose effective date is on or
 * before it). When a version is published the new set is built on a thread of its own and then
 * swapped in at once; a check in flight keeps the rulebase it took. A version is built ahead as soon
 * as it is approved (the approval is announced as a publication is), so that publishing it later is
 * only the swap. A version that fails to build leaves the instance on the set it had, and
 * {@link #failure()} says so (shown in /health).
 *
 * <p>On the first start of an empty database the packaged rules/ become the first version,
 * published from the beginning. A later start with other packaged rules (a deploy) makes them a
 * draft for policy staff to approve and publish, so a deploy never changes the rules silently;
 * {@code straitcheck.rulebook.new-packaged-rules: publish} publishes them from the beginning instead
 * (the tests, whose database outlives a change of rules/). Made with the application, so the
 * first start seeds before anything reads or writes versions.
 */
@Context
public class LiveRulebases implements RulebaseSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRulebases.class);
    /** Besides the live ones: drafts, replays and impact runs build a few more. */
    private static final int OTHERS_KEPT = 4;
    static final String SYSTEM = "system";

    /** The live set: published versions in the order they take effect, each with its rulebase. */
    record Live(List<Entry> entries) {
        Entry on(LocalDate asOf) {
            Entry found = entries.get(0);
            for (Entry e : entries) {
                if (e.version().inForceOn(asOf)) {
                    found = e;
                }
            }
            return found;
        }
    }

    record Entry(RulebaseVersion version, Rulebase rulebase) {
    }

    /** A published version this instance could not build: it stays on the version it had. */
    public record Failure(long versionId, String version, String message, Instant at) {
    }

    private final RulebaseVersions versions;
    private final RulebookAudit audit;
    private final TransactionOperations<Connection> transactions;
    private final Rulebase packaged;
    private final RuleFiles packagedFiles;
    private final Clock clock;
    private final boolean publishNewPackagedRules;
    private final RulebaseCache cache = new RulebaseCache(OTHERS_KEPT);
    /** The approved versions' rulebases, built ahead of their publishing, by version string. */
    private final Map<String, Rulebase> ahead = new ConcurrentHashMap<>();
    private final AtomicReference<Live> live = new AtomicReference<>();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final ExecutorService building = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rulebase-live");
        t.setDaemon(true);
        return t;
    });

    LiveRulebases(RulebaseVersions versions, RulebookAudit audit, TransactionOperations<Connection> transactions,
            Rulebase packaged, RuleFiles packagedFiles, Clock clock,
            @Value("${straitcheck.rulebook.new-packaged-rules:draft}") String newPackagedRules) {
        this.versions = versions;
        this.audit = audit;
        this.transactions = transactions;
        this.packaged = packaged;
        this.packagedFiles = packagedFiles;
        this.clock = clock;
        this.publishNewPackagedRules = "publish".equalsIgnoreCase(newPackagedRules.strip());
        cache.put(packaged);
    }

    @PostConstruct
    void start() {
        transactions.executeWrite(status -> {
            seed();
            return null;
        });
        swapInPublished();
        building.submit(this::buildApprovedAhead);
    }

    @PreDestroy
    void stop() {
        building.shutdownNow();
    }

    private void seed() {
        versions.lockSeeding();
        Instant now = clock.instant();
        String version = packaged.version();
        if (versions.isEmpty()) {
            long id = versions.insert(new RulebaseVersions.New(VersionState.PUBLISHED, null, null, null, SYSTEM,
                    "rules/ " + version), version, packagedFiles, now);
            audit.append(now, SYSTEM, RulebookAudit.Action.SEEDED, versions.find(id).orElseThrow(),
                    Messages.of("page.audit.what.packaged", packagedFiles.origin()), Messages.of("page.audit.why.seeded"));
            LOG.info("Rulebase version {} seeded from {}", version, packagedFiles.origin());
        } else if (publishNewPackagedRules ? !versions.publishedNow(version) : !versions.anyWithVersion(version)) {
            VersionState state = publishNewPackagedRules ? VersionState.PUBLISHED : VersionState.DRAFT;
            long id = versions.insert(new RulebaseVersions.New(state, null, null, null, SYSTEM,
                    "deploy: rules/ " + version), version, packagedFiles, now);
            RulebaseVersion made = versions.find(id).orElseThrow();
            if (publishNewPackagedRules) {
                versions.publish(id, SYSTEM, now, null);
            }
            audit.append(now, SYSTEM, publishNewPackagedRules ? RulebookAudit.Action.PUBLISHED : RulebookAudit.Action.DEPLOY_DRAFT,
                    made, Messages.of("page.audit.what.packaged", packagedFiles.origin()), Messages.of(publishNewPackagedRules
                            ? "page.audit.why.deploy-published" : "page.audit.why.deploy-draft"));
            LOG.info("Packaged rules {} differ from every stored version: {}", version,
                    publishNewPackagedRules ? "published" : "kept as draft " + id);
        }
    }

    @Override
    public Rulebase inForceOn(LocalDate asOf) {
        return live.get().on(asOf).rulebase();
    }

    /** The version in force on the day. */
    public RulebaseVersion versionOn(LocalDate asOf) {
        return live.get().on(asOf).version();
    }

    /** The published versions as this instance has them live. */
    public List<RulebaseVersion> live() {
        return live.get().entries().stream().map(Entry::version).toList();
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Reads the published versions again and builds what changed, on the building thread. */
    public Future<?> refresh() {
        try {
            return building.submit(this::refreshNow);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    /** The rulebase of a stored version (a draft, an earlier version being replayed), built once. */
    Rulebase rulebase(RulebaseVersion version) {
        for (Entry e : live.get().entries()) {
            if (e.version().version().equals(version.version())) {
                return e.rulebase();
            }
        }
        Rulebase built = ahead.get(version.version());
        if (built != null) {
            return built;
        }
        return cache.get(version.version(), () -> RulebaseLoader.load(
                transactions.executeRead(status -> versions.files(version.id()))));
    }

    /**
     * A draft's files built, or what stops them (each at its file and line): built once per
     * content, as its version string is the digest of its files.
     */
    RulebaseLoader.Build tryBuild(String version, RuleFiles files) {
        Optional<Rulebase> built = cache.built(version);
        if (built.isPresent()) {
            return new RulebaseLoader.Build(built.get(), List.of());
        }
        RulebaseLoader.Build build = RulebaseLoader.tryLoad(files);
        if (build.built()) {
            cache.put(build.rulebase());
        }
        return build;
    }

    /** The version's rulebase if it was built ahead here (approved, not yet published). */
    Optional<Rulebase> builtAhead(String version) {
        return Optional.ofNullable(ahead.get(version));
    }

    private void refreshNow() {
        swapInPublished();
        buildApprovedAhead();
    }

    /**
     * Builds each approved version not built yet, after the live set is current (a publication is
     * never kept waiting by a build ahead); drops those no longer approved (published ones are
     * live now). One that does not build here is left to fail, and be reported, if it is published.
     */
    private void buildApprovedAhead() {
        List<RulebaseVersion> approved;
        try {
            approved = transactions.executeRead(status -> versions.approved());
        } catch (RuntimeException unreachable) {
            return;
        }
        ahead.keySet().retainAll(approved.stream().map(RulebaseVersion::version).toList());
        for (RulebaseVersion v : approved) {
            if (ahead.containsKey(v.version())) {
                continue;
            }
            Optional<Rulebase> built = cache.built(v.version());
            if (built.isPresent()) {
                // approved here: built by the approval's own compile
                ahead.put(v.version(), built.get());
                continue;
            }
            try {
                long started = System.nanoTime();
                ahead.put(v.version(), RulebaseLoader.load(transactions.executeRead(status -> versions.files(v.id()))));
                LOG.info("Approved rulebase version {} ({}) built ahead of its publishing in {} ms", v.id(), v.version(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Approved rulebase version {} ({}) does not build on this instance: {}", v.id(), v.version(),
                        e.getMessage());
            }
        }
    }

    private void swapInPublished() {
        List<RulebaseVersion> published;
        try {
            published = transactions.executeRead(status -> versions.published());
        } catch (RuntimeException unreachable) {
            LOG.warn("Cannot read the published rulebase versions now: {}", unreachable.getMessage());
            return;
        }
        Live current = live.get();
        if (current != null && current.entries().stream().map(Entry::version).toList().equals(published)) {
            return;
        }
        List<Entry> entries;
        RulebaseVersion attempted = null;
        try {
            java.util.ArrayList<Entry> made = new java.util.ArrayList<>();
            for (RulebaseVersion v : published) {
                attempted = v;
                made.add(new Entry(v, current == null ? buildOrPackaged(v) : rulebase(v)));
            }
            entries = List.copyOf(made);
        } catch (RuntimeException e) {
            failure.set(new Failure(attempted.id(), attempted.version(), e.getMessage(), clock.instant()));
            LOG.error("Rulebase version {} ({}) does not build on this instance; it stays on {}: {}", attempted.id(),
                    attempted.version(), current == null ? "the packaged rules" : current.entries(), e.getMessage());
            if (current == null) {
                live.set(new Live(List.of(new Entry(packagedStandIn(), packaged))));
            }
            return;
        }
        if (entries.isEmpty()) {
            return;
        }
        live.set(new Live(entries));
        failure.set(null);
        LOG.info("Rulebase versions live: {}", entries.stream()
                .map(e -> e.version().version() + " from " + (e.version().effectiveFrom() == null ? "the beginning"
                        : e.version().effectiveFrom()))
                .toList());
    }

    private Rulebase buildOrPackaged(RulebaseVersion v) {
        return v.version().equals(packaged.version()) ? packaged : rulebase(v);
    }

    /** What the instance says it runs when no stored version builds at start: the packaged rules, unstored. */
    private RulebaseVersion packagedStandIn() {
        return new RulebaseVersion(0, packaged.version(), VersionState.PUBLISHED, null, null, null, SYSTEM,
                "packaged rules", clock.instant(), null, null, SYSTEM, clock.instant());
    }
}
