package tw.straitcheck.checking;

import java.time.Duration;

/**
 * How long one check may run and how many rule firings it may take. A rule that keeps
 * re-activating itself ({@code update($f)} with no guard, a {@code modify} cycle) would otherwise
 * hold a thread forever; past either fence the check fails closed ({@link CheckEngine}).
 *
 * @param timeLimit the CPU time the check's thread may spend, from the first fact inserted to the
 *        last rule fired ({@code straitcheck.checks.time-limit}; see {@link CheckWatchdog})
 * @param maxFirings the rule firings one check may take ({@code straitcheck.checks.max-firings});
 *        reaching it counts as not finishing
 */
public record CheckLimits(Duration timeLimit, int maxFirings) {

    /** Two seconds, and 50,000 firings: an ordinary check takes a few hundred firings and well under 10 ms. */
    public static final CheckLimits DEFAULT = new CheckLimits(Duration.ofSeconds(2), 50_000);

    public CheckLimits {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("straitcheck.checks.time-limit must be positive, was " + timeLimit);
        }
        if (maxFirings < 1) {
            throw new IllegalArgumentException("straitcheck.checks.max-firings must be at least 1, was " + maxFirings);
        }
    }
}
