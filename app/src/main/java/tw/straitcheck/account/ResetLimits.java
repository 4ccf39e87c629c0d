package tw.straitcheck.account;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often the forgotten-password form may be sent, within a sliding window: per address (so
 * nobody can flood one person's mailbox) and per client (so nobody can probe many addresses).
 * Kept in memory: a restart forgets the counts, which only ever lets through a few more mails.
 */
@Singleton
class ResetLimits {

    /** The most keys held at once; beyond it the oldest windows are dropped. */
    private static final int MAX_KEYS = 10_000;

    private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();
    private final ResetSettings settings;
    private final Clock clock;

    ResetLimits(ResetSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one request from the client; false once it has sent its limit within the window. */
    boolean clientMay(String client) {
        return take("client:" + client, settings.perClient());
    }

    /** Counts one request for the address; false once it was asked for its limit within the window. */
    boolean addressMay(String address) {
        return take("address:" + address, settings.perAddress());
    }

    private boolean take(String key, int limit) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        if (seen.size() >= MAX_KEYS) {
            forgetBefore(since);
        }
        Deque<Instant> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void forgetBefore(Instant since) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> i = seen.entrySet().iterator(); i.hasNext(); ) {
            Deque<Instant> times = i.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || !times.peekLast().isAfter(since)) {
                    i.remove();
                }
            }
        }
        if (seen.size() >= MAX_KEYS) {
            seen.clear();
        }
    }

    /** The window, for the page that says when to try again. */
    Duration window() {
        return settings.window();
    }
}
