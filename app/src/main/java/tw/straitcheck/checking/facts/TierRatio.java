package tw.straitcheck.checking.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The highest share of a budget the ministry subsidises for a financial tier (SUBSIDY 3(1)), data of
 * {@code rules/subsidy/point-3-1-ratio/tier-ratios.yaml}; {@code ratio} is a fraction (0.7 for 70%).
 */
public record TierRatio(int tier, BigDecimal ratio) {

    /** The cap on a total: total × ratio, rounded down to a whole dollar. */
    public long capOf(long total) {
        return BigDecimal.valueOf(total).multiply(ratio).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** The ratio as a percentage for evidence (70). */
    public BigDecimal percent() {
        return ratio.movePointRight(2).stripTrailingZeros();
    }
}
