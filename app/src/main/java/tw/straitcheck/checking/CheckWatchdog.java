package tw.straitcheck.checking;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;

/**
 * Halts the sessions of checks that run past their time limit. The limit is the CPU time of the
 * check's thread, not the wall clock: a rule that loops burns CPU, while an honest check on a
 * crowded machine mostly waits for a core (a flood of large checks on two cores took over 2 s of
 * wall-clock time each, and a wall-clock limit refused them). Where the JVM cannot measure a
 * thread's CPU time, the wall clock is used. One daemon thread looks at the running checks a few
 * times a second, so a check costs a set insertion and removal, not a timer of its own; a check's
 * CPU time is first read on the first look that finds it running, so the limit is kept to within
 * one look. A halted session is halted again on every look until its check ends: a halt that
 * arrives between two firings, or before the first, is not lost. Drools stops between firings, so
 * a consequence that never returns cannot be stopped here; the DRL safety check refuses the loops
 * that could make one.
 */
final class CheckWatchdog {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The one for all engines: checks are short, and one look every 50 ms is plenty for limits in seconds. */
    static final CheckWatchdog SHARED = new CheckWatchdog(Duration.ofMillis(50));

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final boolean cpuTime = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    private final long periodNanos;
    private volatile boolean started;

    private CheckWatchdog(Duration period) {
        this.periodNanos = period.toNanos();
    }

    /** Starts watching a check's session; the check ends its watch with {@link Watch#finish()}. */
    Watch watch(KieSession session, Duration limit) {
        Watch watch = new Watch(session, Thread.currentThread().getId(), limit.toNanos(),
                cpuTime ? 0 : System.nanoTime());
        running.add(watch);
        if (!started) {
            start();
        }
        return watch;
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        Thread thread = new Thread(this::run, "check-watchdog");
        thread.setDaemon(true);
        thread.start();
        started = true;
    }

    private void run() {
        while (true) {
            try {
                TimeUnit.NANOSECONDS.sleep(periodNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            for (Watch watch : running) {
                watch.haltIfLate(now);
            }
        }
    }

    /** One check's watch: its session and deadline, and whether it was halted. */
    final class Watch {

        private final KieSession session;
        private final long threadId;
        private final long limitNanos;
        /** When the check started, on the clock the limit is kept on (0: CPU time not read yet). */
        private long start;
        private boolean done;
        private boolean halted;

        private Watch(KieSession session, long threadId, long limitNanos, long wallStart) {
            this.session = session;
            this.threadId = threadId;
            this.limitNanos = limitNanos;
            this.start = wallStart;
        }

        /**
         * Ends the watch: no halt reaches the session after this returns (a halt under way is
         * waited for), so the session can go back to its pool.
         *
         * @return whether the check ran within its time limit
         */
        synchronized boolean finish() {
            done = true;
            running.remove(this);
            return !halted;
        }

        private synchronized void haltIfLate(long wallNow) {
            if (done) {
                return;
            }
            long now = cpuTime ? THREADS.getThreadCpuTime(threadId) : wallNow;
            if (now < 0) {
                return; // the thread has ended: so has the check
            }
            if (start == 0) {
                start = now;
            } else if (now - start >= limitNanos) {
                halted = true;
                session.halt();
            }
        }
    }
}
