package app.truenorth.roadmap.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A measurable outcome the roadmap serves: a metric moving from a baseline to a target by a date,
 * with where it stands now. Progress is direction-aware, so "churn from 8 % down to 5 %, now 6.5 %"
 * is half-way, like "conversion from 10 % to 20 %, now 15 %".
 */
public record Objective(long id, String title, String metric, String unit, Direction direction, BigDecimal baseline,
        BigDecimal target, BigDecimal current, LocalDate due) {

    /** Problems with the numbers of a proposed objective, keyed by field; empty when valid. */
    public static Map<String, String> problems(Direction direction, BigDecimal baseline, BigDecimal target) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (direction == null) {
            problems.put("direction", "must be INCREASE or DECREASE");
        }
        if (baseline == null) {
            problems.put("baseline", "is required");
        }
        if (target == null) {
            problems.put("target", "is required");
        }
        if (problems.isEmpty()) {
            int cmp = target.compareTo(baseline);
            if (direction == Direction.INCREASE && cmp <= 0) {
                problems.put("target", "must be above the baseline (" + plain(baseline)
                        + ") for a metric that should increase");
            } else if (direction == Direction.DECREASE && cmp >= 0) {
                problems.put("target", "must be below the baseline (" + plain(baseline)
                        + ") for a metric that should decrease");
            }
        }
        return problems;
    }

    public Objective {
        if (!problems(direction, baseline, target).isEmpty()) {
            throw new IllegalArgumentException("Invalid objective: " + problems(direction, baseline, target));
        }
    }

    /**
     * How far the metric has moved towards the target, as a fraction (0 at the baseline, 1 at the
     * target); below 0 when it moved the wrong way, above 1 when it overshot. Null without a current value.
     */
    public BigDecimal progress() {
        if (current == null) {
            return null;
        }
        return current.subtract(baseline).divide(target.subtract(baseline), 4, RoundingMode.HALF_UP);
    }

    /** Progress as a whole percentage for display, clamped to 0–100 for bars. */
    public int progressPercentClamped() {
        BigDecimal p = progress();
        if (p == null) {
            return 0;
        }
        int percent = p.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
        return Math.max(0, Math.min(100, percent));
    }

    /** "from 10 % to 20 %, now 14 %" (or "…, no current value yet"). */
    public String describeProgress() {
        String text = "from " + withUnit(baseline) + " to " + withUnit(target);
        if (current == null) {
            return text + ", no current value yet";
        }
        return text + ", now " + withUnit(current);
    }

    /** "40 % of the way", or a note when it went the wrong way or overshot. */
    public String describeShare() {
        BigDecimal p = progress();
        if (p == null) {
            return "not measured yet";
        }
        int percent = p.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
        if (percent < 0) {
            return "moved the wrong way (" + percent + " %)";
        }
        if (percent > 100) {
            return "target passed (" + percent + " %)";
        }
        return percent + " % of the way";
    }

    private String withUnit(BigDecimal value) {
        String v = plain(value);
        if (unit == null || unit.isBlank()) {
            return v;
        }
        // currency-like units read before the number, everything else after it
        if (unit.equals("$") || unit.equals("€") || unit.equals("£")) {
            return unit + v;
        }
        return v + " " + unit;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
