package tw.straitcheck.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import tw.straitcheck.checking.CheckEngine;
import tw.straitcheck.submission.Submission;
import tw.straitcheck.submission.SubmissionFacts;
import tw.straitcheck.submission.SubmissionReader;

/**
 * Measures the engine alone, normalisation and keyword matching included: checks per second and
 * the p50/p99 latency of one check, on generated submissions (fixed seed), with 1 and 2 threads.
 * The HTTP figures come from scripts/load-test.sh (wrk); see docs/performance.md.
 */
@Command(name = "bench", description = "Measure engine throughput and latency on generated submissions (fixed seed).")
final class Bench implements Callable<Integer> {

    @Option(names = "--submissions", defaultValue = "10000", description = "How many generated submissions (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "20261121", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured passes over the submissions per thread count (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts to measure (default ${DEFAULT-VALUE}).")
    int[] threadCounts;

    @Option(names = "--with-subsidies", description = "Mix subsidy applications and results reports into the generated submissions (8% each, from the registrations' share).")
    boolean withSubsidies;

    @CommandLine.Mixin
    Cli.RulesMixin rules;

    @Override
    public Integer call() throws Exception {
        CheckEngine engine = new CheckEngine(rules.load());
        List<Submission> submissions = new ArrayList<>(count);
        for (var json : new SubmissionGenerator(seed).generate(count, withSubsidies)) {
            SubmissionReader.Result read = SubmissionReader.read(json);
            if (!read.valid()) {
                throw new IllegalStateException("generator made an invalid submission: " + read.errors());
            }
            submissions.add(read.submission());
        }
        var asOf = java.time.LocalDate.of(2026, 5, 20);
        System.out.printf(Locale.ROOT, "rulebase %s, %d submissions (seed %d), %d cores, %s%n",
                engine.rulebaseOn(asOf).version(), count, seed, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        // warm-up: two passes single-threaded so the JIT has compiled the hot paths
        for (int i = 0; i < 2; i++) {
            submissions.forEach(s -> engine.check(SubmissionFacts.of(s, asOf)));
        }
        for (int threads : threadCounts) {
            measure(engine, submissions, asOf, threads);
        }
        return 0;
    }

    private void measure(CheckEngine engine, List<Submission> submissions, java.time.LocalDate asOf, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long[] latencies = new long[submissions.size() * rounds];
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            AtomicLong cpuNanos = new AtomicLong();
            long started = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    long cpuBefore = cpu.getCurrentThreadCpuTime();
                    for (int r = 0; r < rounds; r++) {
                        for (int i = first; i < submissions.size(); i += threads) {
                            long t0 = System.nanoTime();
                            engine.check(SubmissionFacts.of(submissions.get(i), asOf));
                            latencies[r * submissions.size() + i] = System.nanoTime() - t0;
                        }
                    }
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuBefore);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(latencies);
            // CPU time of the checking threads per check: what a check costs, whatever else shares the cores
            System.out.printf(Locale.ROOT, "threads=%d  checks=%d  %.0f checks/s  p50=%.1f µs  p99=%.1f µs  max=%.1f µs"
                            + "  cpu=%.1f µs/check%n",
                    threads, latencies.length, latencies.length / seconds,
                    latencies[latencies.length / 2] / 1e3, latencies[(int) (latencies.length * 0.99)] / 1e3,
                    latencies[latencies.length - 1] / 1e3, cpuNanos.get() / 1e3 / latencies.length);
        } finally {
            pool.shutdown();
        }
    }
}
