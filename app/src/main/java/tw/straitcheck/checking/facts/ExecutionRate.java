package tw.straitcheck.checking.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The execution rate of RESULTS_SYSTEM 3-2 (經費執行情形): actual / approved, as a percentage.
 * {@link #exact} is for comparing with a policy setting (34 significant digits: an amount ratio that
 * is not a terminating decimal is at least 10⁻¹⁰ away from any 2-decimal percentage, so the
 * comparison is exact); {@link #shown} rounds half up to 2 decimals (217,500 → 200,000 is 91.95).
 */
public final class ExecutionRate {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ExecutionRate() {
    }

    public static BigDecimal exact(long actual, long approved) {
        if (approved <= 0) {
            return null;
        }
        return BigDecimal.valueOf(actual).multiply(HUNDRED).divide(BigDecimal.valueOf(approved), MathContext.DECIMAL128);
    }

    public static BigDecimal shown(long actual, long approved) {
        if (approved <= 0) {
            return null;
        }
        return BigDecimal.valueOf(actual).multiply(HUNDRED).divide(BigDecimal.valueOf(approved), 2, RoundingMode.HALF_UP);
    }
}
