package app.truenorth.roadmap.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Effort in person-weeks as a range, because an honest estimate of an initiative is a range: "4 to
 * 6 weeks". The midpoint stands in for it where one number is needed (critical path, ranking).
 */
public record EffortRange(BigDecimal low, BigDecimal high) {

    private static final BigDecimal MAX = new BigDecimal("10000");

    /** Problems with a proposed range, keyed by field ("effortLow", "effortHigh"); empty when valid. */
    public static Map<String, String> problems(BigDecimal low, BigDecimal high) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (low == null) {
            problems.put("effortLow", "is required (person-weeks)");
        } else if (low.signum() < 0) {
            problems.put("effortLow", "must not be negative");
        } else if (low.compareTo(MAX) > 0) {
            problems.put("effortLow", "must be at most " + MAX + " person-weeks");
        }
        if (high == null) {
            problems.put("effortHigh", "is required (person-weeks)");
        } else if (high.signum() < 0) {
            problems.put("effortHigh", "must not be negative");
        } else if (high.signum() == 0) {
            problems.put("effortHigh", "must be more than zero");
        } else if (high.compareTo(MAX) > 0) {
            problems.put("effortHigh", "must be at most " + MAX + " person-weeks");
        } else if (low != null && low.signum() >= 0 && high.compareTo(low) < 0) {
            problems.put("effortHigh", "must be at least the low estimate (" + low.stripTrailingZeros().toPlainString() + ")");
        }
        return problems;
    }

    public EffortRange {
        if (!problems(low, high).isEmpty()) {
            throw new IllegalArgumentException("Invalid effort range " + low + "–" + high + ": " + problems(low, high));
        }
    }

    public static EffortRange of(String low, String high) {
        return new EffortRange(new BigDecimal(low), new BigDecimal(high));
    }

    public BigDecimal midpoint() {
        return low.add(high).divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP);
    }

    /** "4–6 person-weeks" or "3 person-weeks" when both ends agree. */
    public String describe() {
        String l = low.stripTrailingZeros().toPlainString();
        String h = high.stripTrailingZeros().toPlainString();
        return (low.compareTo(high) == 0 ? h : l + "–" + h) + " person-weeks";
    }
}
