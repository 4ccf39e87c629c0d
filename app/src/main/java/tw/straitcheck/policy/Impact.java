package tw.straitcheck.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.straitcheck.checking.DrlSafety;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.checking.RulebaseLoader;
import tw.straitcheck.system.ApiException;
import tw.straitcheck.system.Messages;
import tw.straitcheck.system.TaipeiClock;

/**
 * The impact of a draft: the stored records whose activity has not ended (today in Asia/Taipei),
 * or all of them, each checked again on its own day with the version in force today and with the
 * draft, side by side ({@link SideBySide}); per record that changes, the verdict before and after
 * and each finding added, removed or changed with its rule. A run is asynchronous: the two
 * rulebases are built once for it, the records read a page at a time and checked on a fixed pool
 * of one worker per core. Versions whose check read facts of other records (see {@link Replays})
 * are counted as not re-checkable, by kind.
 *
 * <p>The last run of each draft is kept in memory on this instance only: a restart forgets it.
 */
@Singleton
public class Impact {

    private static final Logger LOG = LoggerFactory.getLogger(Impact.class);
    private static final int PAGE = 500;
    private static final int MAX_PAGE_SIZE = 500;
    static final String CHECK_FAILED = "CHECK_FAILED";

    public enum State { RUNNING, DONE, FAILED }

    /** What a run found: records checked, changed, not re-checkable (by reason: the version's kind, or CHECK_FAILED), and the verdict changes. */
    @Serdeable
    public record Summary(long checked, long unchanged, long changed, long notRecheckable,
            Map<String, Long> notRecheckableByReason, List<VerdictChange> byVerdictChange) {
    }

    /** How many changed records go from one verdict to another (the same verdict: only findings change). */
    @Serdeable
    public record VerdictChange(String before, String after, long records) {
    }

    /** A run as the API and the page show it; the changed records a page at a time. */
    @Serdeable
    public record View(String runId, long draftId, State state, boolean all, LocalDate today, long done, long total,
            @Nullable String draftVersion, @Nullable String inForceVersion, Instant startedAt,
            @Nullable Instant finishedAt, @Nullable String failure, @Nullable Summary summary,
            List<SideBySide.Changed> changed, int page, int pageSize, int pages) {

        /** The progress in percent (a run with nothing to check is complete). */
        public int percent() {
            return total == 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }

    @Serdeable
    public record Started(String runId) {
    }

    private static final class Run {
        final String id = UUID.randomUUID().toString();
        final long draftId;
        final boolean all;
        final LocalDate today;
        final Instant startedAt;
        final AtomicLong done = new AtomicLong();
        volatile long total;
        volatile State state = State.RUNNING;
        volatile String draftVersion;
        volatile String inForceVersion;
        volatile Instant finishedAt;
        volatile String failure;
        volatile Summary summary;
        volatile List<SideBySide.Changed> changed = List.of();

        Run(long draftId, boolean all, LocalDate today, Instant startedAt) {
            this.draftId = draftId;
            this.all = all;
            this.today = today;
            this.startedAt = startedAt;
        }
    }

    private final Replays replays;
    private final RulebaseVersions versions;
    private final LiveRulebases live;
    private final DrlSafety safety;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<Long, Run> last = new ConcurrentHashMap<>();
    private final int workers = Runtime.getRuntime().availableProcessors();
    private final ExecutorService checking = Executors.newFixedThreadPool(workers, daemon("impact-check-"));
    private final ExecutorService running = Executors.newCachedThreadPool(daemon("impact-run-"));

    Impact(Replays replays, RulebaseVersions versions, LiveRulebases live, DrlSafety safety,
            TransactionOperations<Connection> transactions, JsonMapper json, Clock clock) {
        this.replays = replays;
        this.versions = versions;
        this.live = live;
        this.safety = safety;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        running.shutdownNow();
        checking.shutdownNow();
    }

    /** Starts a run for the draft (409 while one runs for it, 404 for no such version). */
    public Started start(long draftId, boolean all) {
        transactions.executeRead(s -> versions.find(draftId))
                .orElseThrow(() -> ApiException.notFound(Messages.of("page.drafts.refused.no-version")));
        Run run = new Run(draftId, all, TaipeiClock.today(clock), clock.instant());
        Run before = last.compute(draftId, (id, current) ->
                current != null && current.state == State.RUNNING ? current : run);
        if (before != run) {
            throw ApiException.of(HttpStatus.CONFLICT, Messages.of("page.impact.refused.running"));
        }
        running.execute(() -> {
            try {
                run(run);
            } catch (RuntimeException | Error e) {
                LOG.warn("Impact run {} of draft {} failed", run.id, draftId, e);
                run.failure = String.valueOf(e.getMessage());
                run.finishedAt = clock.instant();
                run.state = State.FAILED;
            }
        });
        return new Started(run.id);
    }

    /** The draft's last run, with a page of its changed records (404 when none was run here). */
    public View last(long draftId, int page, int pageSize) {
        Run run = last.get(draftId);
        if (run == null) {
            throw ApiException.notFound(Messages.of("page.impact.none"));
        }
        return view(run, page, pageSize);
    }

    /** The draft's last run, if one was run on this instance. */
    public java.util.Optional<View> lastIfAny(long draftId, int page, int pageSize) {
        Run run = last.get(draftId);
        return run == null ? java.util.Optional.empty() : java.util.Optional.of(view(run, page, pageSize));
    }

    private static View view(Run run, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        List<SideBySide.Changed> changed = run.changed;
        int pages = Math.max(1, (changed.size() + size - 1) / size);
        int shown = Math.max(1, Math.min(page, pages));
        List<SideBySide.Changed> slice = changed.subList(Math.min(changed.size(), (shown - 1) * size),
                Math.min(changed.size(), shown * size));
        return new View(run.id, run.draftId, run.state, run.all, run.today, run.done.get(), run.total, run.draftVersion,
                run.inForceVersion, run.startedAt, run.finishedAt, run.failure, run.summary, List.copyOf(slice), shown,
                size, pages);
    }

    private void run(Run run) {
        RulebaseVersion draft = transactions.executeRead(s -> versions.find(run.draftId)).orElseThrow();
        run.total = transactions.executeRead(s -> replays.count(run.all, run.today));
        RulebaseVersion inForceVersion = live.versionOn(run.today);
        Rulebase inForce = live.inForceOn(run.today);
        run.inForceVersion = inForceVersion.version();
        run.draftVersion = draft.version();
        // each rulebase built once for the run (the draft's kept in the cache by its version string)
        RuleFiles files = transactions.executeRead(s -> versions.files(draft.id()));
        RulebaseLoader.Build build = live.tryBuild(draft.version(), files, safety);
        if (!build.built()) {
            var p = build.problems().get(0);
            throw new IllegalStateException("the draft does not build: " + p.file() + ":" + p.line() + " " + p.message());
        }
        SideBySide sideBySide = new SideBySide(inForce, build.rulebase(), json);

        LongAdder checked = new LongAdder();
        Map<String, LongAdder> notRecheckable = new ConcurrentHashMap<>();
        Map<String, LongAdder> byVerdict = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<SideBySide.Changed> changed = new ConcurrentLinkedQueue<>();
        long after = 0;
        List<Replays.Pending> page = read(run, after);
        while (!page.isEmpty()) {
            List<CompletableFuture<Void>> checks = new ArrayList<>(page.size());
            for (Replays.Pending p : page) {
                checks.add(CompletableFuture.runAsync(() -> {
                    try {
                        if (!Replays.replayable(p.stored().kind())) {
                            notRecheckable.computeIfAbsent(p.stored().kind(), k -> new LongAdder()).increment();
                            return;
                        }
                        SideBySide.Changed c;
                        try {
                            c = sideBySide.compare(p.receipt(), Replays.checked(p.stored()), p.stored().asOf());
                        } catch (RuntimeException failed) {
                            // a check past its limits, or a stored submission that no longer reads
                            LOG.warn("Impact of draft {}: {} not re-checked: {}", run.draftId, p.receipt(), failed.getMessage());
                            notRecheckable.computeIfAbsent(CHECK_FAILED, k -> new LongAdder()).increment();
                            return;
                        }
                        checked.increment();
                        if (c != null) {
                            changed.add(c);
                            byVerdict.computeIfAbsent(c.verdictBefore() + " " + c.verdictAfter(), k -> new LongAdder()).increment();
                        }
                    } finally {
                        run.done.incrementAndGet();
                    }
                }, checking));
            }
            after = page.get(page.size() - 1).recordId();
            // the next page is read while this one is checked
            List<Replays.Pending> next = read(run, after);
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
            page = next;
        }
        List<SideBySide.Changed> all = new ArrayList<>(changed);
        all.sort(Comparator.comparing(SideBySide.Changed::receipt));
        long unchecked = notRecheckable.values().stream().mapToLong(LongAdder::sum).sum();
        run.changed = List.copyOf(all);
        run.summary = new Summary(checked.sum(), checked.sum() - all.size(), all.size(), unchecked,
                sums(notRecheckable), sums(byVerdict).entrySet().stream().map(e -> {
                    String[] verdicts = e.getKey().split(" ");
                    return new VerdictChange(verdicts[0], verdicts[1], e.getValue());
                }).toList());
        run.total = Math.max(run.total, run.done.get());
        run.finishedAt = clock.instant();
        run.state = State.DONE;
        LOG.info("Impact of draft {} ({} against {}): {} records, {} changed, {} not re-checkable", run.draftId,
                run.draftVersion, run.inForceVersion, run.done.get(), all.size(), unchecked);
    }

    private List<Replays.Pending> read(Run run, long after) {
        return transactions.executeRead(s -> replays.page(after, PAGE, run.all, run.today));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counts) {
        Map<String, Long> sums = new TreeMap<>();
        counts.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
