package tw.straitcheck.cli;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tw.straitcheck.checking.RuleFiles;
import tw.straitcheck.checking.Rulebase;
import tw.straitcheck.checking.RulebaseLoader;
import tw.straitcheck.policy.SideBySide;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionReader;

/**
 * Measures the side-by-side re-check of an impact analysis ({@link SideBySide}): generated
 * submissions (fixed seed) each checked with the packaged rules and with a draft of them that no
 * longer lists one political-content keyword (升旗儀式, which the generated itineraries use), compared finding by finding, on a fixed pool
 * of one worker per core. Both rulebases are built once, before the clock starts. The records'
 * reading from PostgreSQL is not in the figure (see docs/performance.md).
 */
@Command(name = "impact-bench", description = "Measure the impact analysis' side-by-side re-check on generated records, all cores.")
final class ImpactBench implements Callable<Integer> {

    @Option(names = "--records", defaultValue = "100000", description = "How many generated records (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "20261121", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Workers (default: one per core).")
    int threads;

    @Option(names = "--remove-keyword", defaultValue = SubmissionGenerator.LISTED_KEYWORD,
            description = "The keyword the draft no longer lists in lists/political-content.yaml (default ${DEFAULT-VALUE}).")
    String removed;

    @Override
    public Integer call() throws Exception {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        RuleFiles packaged = RuleFiles.fromClasspath();
        long t0 = System.nanoTime();
        Rulebase inForce = RulebaseLoader.load(packaged);
        Rulebase draft = RulebaseLoader.load(without(packaged, removed));
        double building = (System.nanoTime() - t0) / 1e9;
        List<Submission> submissions = new ArrayList<>(count);
        for (var json : new SubmissionGenerator(seed).generate(count)) {
            SubmissionReader.Result read = SubmissionReader.read(json);
            if (!read.valid()) {
                throw new IllegalStateException("generator made an invalid submission: " + read.errors());
            }
            submissions.add(read.submission());
        }
        SideBySide sideBySide = new SideBySide(inForce, draft, io.micronaut.serde.ObjectMapper.getDefault());
        LocalDate asOf = LocalDate.of(2026, 5, 20);
        System.out.printf(Locale.ROOT, "in force %s, draft %s (both built in %.1f s), %d records (seed %d), %d workers on %d cores, %s%n",
                inForce.version(), draft.version(), building, count, seed, workers,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        // warm-up: the first 2,000 (or all) once, so the JIT has compiled the hot paths
        run(sideBySide, submissions.subList(0, Math.min(2000, submissions.size())), asOf, workers);
        long started = System.nanoTime();
        int changed = run(sideBySide, submissions, asOf, workers);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "impact: %d records re-checked side by side in %.1f s = %.0f records/s, %d changed;"
                + " 100,000 records would take %.0f s%n", count, seconds, count / seconds, changed, 100_000 / (count / seconds));
        return 0;
    }

    private static int run(SideBySide sideBySide, List<Submission> submissions, LocalDate asOf, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger changed = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < submissions.size(); i += workers) {
                        if (sideBySide.compare("bench-" + i, submissions.get(i), asOf) != null) {
                            changed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return changed.get();
    }

    /** The packaged rules as a draft that no longer lists the keyword in lists/political-content.yaml. */
    private static RuleFiles without(RuleFiles packaged, String keyword) {
        Map<String, byte[]> files = new TreeMap<>(packaged.all());
        String list = new String(files.get("lists/political-content.yaml"), StandardCharsets.UTF_8);
        String line = "  - " + keyword + "\n";
        if (!list.contains(line)) {
            throw new IllegalArgumentException("lists/political-content.yaml does not list " + keyword + " on a line of its own");
        }
        files.put("lists/political-content.yaml", list.replace(line, "").getBytes(StandardCharsets.UTF_8));
        return RuleFiles.of("impact-bench draft", files);
    }
}
