package tw.straitcheck.checking;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;

/**
 * Halts the sessions of checks that run past their time limit. One daemon thread looks at the
 * running checks a few times a second, so a check costs a set insertion and removal, not a timer
 * of its own. A halted session is halted again on every look until its check ends: a halt that
 * arrives between two firings, or before the first, is not lost. Drools stops between firings, so
 * a consequence that never returns cannot be stopped here; the DRL safety check refuses the loops
 * that could make one.
 */
final class CheckWatchdog {

    /** The one for all engines: checks are short, and one look every 50 ms is plenty for limits in seconds. */
    static final CheckWatchdog SHARED = new CheckWatchdog(Duration.ofMillis(50));

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final long periodNanos;
    private volatile boolean started;

    private CheckWatchdog(Duration period) {
        this.periodNanos = period.toNanos();
    }

    /** Starts watching a check's session; the check ends its watch with {@link Watch#finish()}. */
    Watch watch(KieSession session, Duration limit) {
        Watch watch = new Watch(session, System.nanoTime() + limit.toNanos());
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
        private final long deadline;
        private boolean done;
        private boolean halted;

        private Watch(KieSession session, long deadline) {
            this.session = session;
            this.deadline = deadline;
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

        private synchronized void haltIfLate(long now) {
            if (!done && now - deadline >= 0) {
                halted = true;
                session.halt();
            }
        }
    }
}
