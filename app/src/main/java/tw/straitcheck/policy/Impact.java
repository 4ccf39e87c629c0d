package tw.straitcheck.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>Runs are kept in PostgreSQL ({@link ImpactRuns}): the instance running one writes its progress
 * about once a second, then its summary and changed records in one transaction, so that every
 * instance, and this one after a restart, shows a draft's last run. One runs at a time per draft,
 * on whichever instance. A run is cancelled from any instance: the one running it sees at its next
 * progress write that it is no longer RUNNING and stops. A run whose instance went silent for
 * {@link #SILENT} is marked FAILED, {@link ImpactRuns#INTERRUPTED}, by the next instance to look.
 * Only the worker's own counters are kept in memory, on the instance that runs it.
 */
@Singleton
public class Impact {

    private static final Logger LOG = LoggerFactory.getLogger(Impact.class);
    private static final int PAGE = 500;
    private static final int MAX_PAGE_SIZE = 500;
    static final String CHECK_FAILED = "CHECK_FAILED";
    /** How often a running run writes its progress (and heartbeat), and looks whether it was cancelled. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** A RUNNING run with no heartbeat for this long has lost its instance (a progress write is due every second). */
    static final Duration SILENT = Duration.ofSeconds(60);
    /** How often an instance looks for runs that lost theirs. */
    private static final Duration LOOK_FOR_SILENT_EVERY = Duration.ofSeconds(15);

    public enum State { RUNNING, DONE, FAILED, CANCELLED }

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

        /** Whether the run's instance stopped before it ended (FAILED, {@link ImpactRuns#INTERRUPTED}). */
        public boolean interrupted() {
            return state == State.FAILED && ImpactRuns.INTERRUPTED.equals(failure);
        }
    }

    @Serdeable
    public record Started(String runId) {
    }

    /** A run this instance is running: what its worker counts, and whether it is to stop. */
    private static final class Run {
        final UUID id = UUID.randomUUID();
        final long draftId;
        final boolean all;
        final LocalDate today;
        final AtomicLong done = new AtomicLong();
        /** Cancelled, or found no longer RUNNING in the database: the worker stops at its next record. */
        volatile boolean stopped;

        Run(long draftId, boolean all, LocalDate today) {
            this.draftId = draftId;
            this.all = all;
            this.today = today;
        }
    }

    private final Replays replays;
    private final RulebaseVersions versions;
    private final ImpactRuns runs;
    private final LiveRulebases live;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final UUID instance = UUID.randomUUID();
    private final Map<UUID, Run> runningHere = new ConcurrentHashMap<>();
    private final int workers = Runtime.getRuntime().availableProcessors();
    private final ExecutorService checking = Executors.newFixedThreadPool(workers, daemon("impact-check-"));
    private final ExecutorService running = Executors.newCachedThreadPool(daemon("impact-run-"));
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("impact-progress-"));

    Impact(Replays replays, RulebaseVersions versions, ImpactRuns runs, LiveRulebases live,
            TransactionOperations<Connection> transactions, JsonMapper json, Clock clock) {
        this.replays = replays;
        this.versions = versions;
        this.runs = runs;
        this.live = live;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** At start: the runs that lost their instance are marked interrupted, then again every {@link #LOOK_FOR_SILENT_EVERY}. */
    @EventListener
    void onStartup(StartupEvent event) {
        progress.scheduleWithFixedDelay(this::writeProgress, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        progress.scheduleWithFixedDelay(this::interruptSilent, 0, LOOK_FOR_SILENT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        progress.shutdownNow();
        boolean anyRunning = !runningHere.isEmpty();
        runningHere.values().forEach(run -> run.stopped = true);
        running.shutdownNow();
        checking.shutdownNow();
        if (anyRunning) {
            try {
                // stopping: said now rather than found out by another instance a minute later
                transactions.executeWrite(s -> runs.interruptInstance(instance, clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("Impact runs of this instance not marked interrupted: {}", e.getMessage());
            }
        }
    }

    /** Starts a run for the draft (409 while one runs for it on any instance, 404 for no such version). */
    public Started start(long draftId, boolean all) {
        Run run = new Run(draftId, all, TaipeiClock.today(clock));
        boolean stored = transactions.executeWrite(s -> {
            versions.find(draftId).orElseThrow(Drafts::noVersion);
            // a run whose instance went silent holds no draft: marked interrupted, it no longer counts as running
            runs.interruptSilent(SILENT, clock.instant());
            return runs.insert(run.id, draftId, all, run.today, clock.instant(), instance);
        });
        if (!stored) {
            throw ApiException.of(HttpStatus.CONFLICT, Messages.of("page.impact.refused.running"));
        }
        runningHere.put(run.id, run);
        try {
            running.execute(() -> {
                try {
                    run(run);
                } catch (RuntimeException | Error e) {
                    LOG.warn("Impact run {} of draft {} failed", run.id, draftId, e);
                    // stopped: cancelled (then nothing is written) or this instance stopping under it
                    String failure = run.stopped ? ImpactRuns.INTERRUPTED : String.valueOf(e.getMessage());
                    transactions.executeWrite(s -> runs.fail(run.id, failure, clock.instant()));
                } finally {
                    runningHere.remove(run.id);
                }
            });
        } catch (RuntimeException refused) {
            runningHere.remove(run.id);
            transactions.executeWrite(s -> runs.fail(run.id, ImpactRuns.INTERRUPTED, clock.instant()));
            throw refused;
        }
        return new Started(run.id.toString());
    }

    /**
     * Cancels the draft's running run, on whichever instance it runs (404 for no such version, 409
     * when none is running); answers the run as it now stands, CANCELLED.
     */
    public View cancel(long draftId) {
        Optional<UUID> cancelled = transactions.executeWrite(s -> {
            versions.find(draftId).orElseThrow(Drafts::noVersion);
            return runs.cancel(draftId, clock.instant());
        });
        UUID id = cancelled.orElseThrow(() -> ApiException.of(HttpStatus.CONFLICT, Messages.of("page.impact.refused.not-running")));
        Run here = runningHere.get(id);
        if (here != null) {
            here.stopped = true;
        }
        LOG.info("Impact run {} of draft {} cancelled", id, draftId);
        return last(draftId, 1, MAX_PAGE_SIZE);
    }

    /** The draft's last run, with a page of its changed records (404 when none was run). */
    public View last(long draftId, int page, int pageSize) {
        return lastIfAny(draftId, page, pageSize).orElseThrow(() -> ApiException.notFound(Messages.of("page.impact.none")));
    }

    /** The draft's last run, on whichever instance it ran or runs. */
    public Optional<View> lastIfAny(long draftId, int page, int pageSize) {
        return transactions.executeRead(s -> runs.last(draftId).map(run -> view(run, page, pageSize)));
    }

    private View view(ImpactRuns.StoredRun run, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        Summary summary = run.summary() == null ? null : read(run.summary(), Summary.class);
        long changed = summary == null ? 0 : summary.changed();
        int pages = (int) Math.max(1, (changed + size - 1) / size);
        int shown = Math.max(1, Math.min(page, pages));
        List<SideBySide.Changed> slice = changed == 0 ? List.of()
                : runs.changed(run.key(), (shown - 1) * size, size).stream().map(c -> read(c, SideBySide.Changed.class)).toList();
        return new View(run.id().toString(), run.draftId(), run.state(), run.all(), run.today(), run.done(), run.total(),
                run.draftVersion(), run.inForceVersion(), run.startedAt(), run.finishedAt(), run.failure(), summary,
                slice, shown, size, pages);
    }

    /** Writes each running run's progress; one no longer RUNNING there (cancelled, or found interrupted) is stopped. */
    private void writeProgress() {
        for (Run run : runningHere.values()) {
            try {
                boolean stillRunning = transactions.executeWrite(s -> runs.progress(run.id, run.done.get()));
                if (!stillRunning && !run.stopped) {
                    LOG.info("Impact run {} of draft {} is no longer RUNNING in the database (cancelled, or found"
                            + " interrupted): stopping", run.id, run.draftId);
                    run.stopped = true;
                }
            } catch (RuntimeException e) {
                LOG.warn("Progress of impact run {} not written: {}", run.id, e.getMessage());
            }
        }
    }

    private void interruptSilent() {
        try {
            int interrupted = transactions.executeWrite(s -> runs.interruptSilent(SILENT, clock.instant()));
            if (interrupted > 0) {
                LOG.warn("{} impact run(s) silent for {} s marked interrupted", interrupted, SILENT.toSeconds());
            }
        } catch (RuntimeException e) {
            LOG.warn("Silent impact runs not looked for: {}", e.getMessage());
        }
    }

    private void run(Run run) {
        RulebaseVersion draft = transactions.executeRead(s -> versions.find(run.draftId)).orElseThrow();
        long total = transactions.executeRead(s -> replays.count(run.all, run.today));
        RulebaseVersion inForceVersion = live.versionOn(run.today);
        Rulebase inForce = live.inForceOn(run.today);
        if (!transactions.executeWrite(s -> runs.versions(run.id, draft.version(), inForceVersion.version(), total))) {
            return;
        }
        // each rulebase built once for the run (the draft's kept in the cache by its version string)
        RuleFiles files = transactions.executeRead(s -> versions.files(draft.id()));
        RulebaseLoader.Build build = live.tryBuild(draft.version(), files);
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
        List<Replays.Pending> page = run.stopped ? List.of() : read(run, after);
        while (!page.isEmpty() && !run.stopped) {
            List<CompletableFuture<Void>> checks = new ArrayList<>(page.size());
            for (Replays.Pending p : page) {
                checks.add(CompletableFuture.runAsync(() -> {
                    if (run.stopped) {
                        return;
                    }
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
        if (run.stopped) {
            LOG.info("Impact run {} of draft {} stopped after {} of {} records", run.id, run.draftId, run.done.get(), total);
            return;
        }
        List<SideBySide.Changed> all = new ArrayList<>(changed);
        all.sort(Comparator.comparing(SideBySide.Changed::receipt));
        long unchecked = notRecheckable.values().stream().mapToLong(LongAdder::sum).sum();
        Summary summary = new Summary(checked.sum(), checked.sum() - all.size(), all.size(), unchecked,
                sums(notRecheckable), sums(byVerdict).entrySet().stream().map(e -> {
                    String[] verdicts = e.getKey().split(" ");
                    return new VerdictChange(verdicts[0], verdicts[1], e.getValue());
                }).toList());
        List<ImpactRuns.ChangedRow> rows = all.stream().map(c -> new ImpactRuns.ChangedRow(c.receipt(), write(c))).toList();
        long done = run.done.get();
        // the summary and the records together, and only if the run was not cancelled meanwhile
        boolean finished = transactions.executeWrite(s -> {
            if (!runs.finish(run.id, done, Math.max(total, done), write(summary), clock.instant())) {
                return false;
            }
            runs.insertChanged(run.id, rows);
            return true;
        });
        if (finished) {
            LOG.info("Impact of draft {} ({} against {}): {} records, {} changed, {} not re-checkable", run.draftId,
                    draft.version(), inForceVersion.version(), done, all.size(), unchecked);
        } else {
            LOG.info("Impact run {} of draft {} was cancelled as it finished: its result is not kept", run.id, run.draftId);
        }
    }

    private List<Replays.Pending> read(Run run, long after) {
        return transactions.executeRead(s -> replays.page(after, PAGE, run.all, run.today));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
