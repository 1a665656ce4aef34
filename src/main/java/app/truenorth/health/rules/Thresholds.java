package app.truenorth.health.rules;

import app.truenorth.platform.Problems;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The numbers the rules judge a roadmap by, configurable per roadmap.
 *
 * @param featureSizeWeeks        an initiative whose high effort estimate is at most this many person-weeks is
 *                                sized like a feature
 * @param maxFeatureSizedPercent  the share of initiatives that may be feature-sized before the roadmap reads like a
 *                                feature list
 * @param nowCapacityWeeks        what the teams can deliver in the Now horizon, in person-weeks; null when unknown
 *                                (the capacity check is then skipped)
 * @param maxNowPercent           the share of the roadmap's initiatives that may sit in Now
 * @param antiGoalSimilarityPercent how much of an anti-goal's wording an initiative must repeat to resemble it
 */
public record Thresholds(BigDecimal featureSizeWeeks, int maxFeatureSizedPercent, BigDecimal nowCapacityWeeks,
        int maxNowPercent, int antiGoalSimilarityPercent) {

    /** Sensible starting points: two person-weeks is a feature, a fifth of the roadmap may be small, Now under 40 %. */
    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("2"), 20, null, 40, 60);

    /** Share rules only speak once the roadmap has this many initiatives: three items say little about shares. */
    public static final int MIN_ITEMS_FOR_SHARES = 5;

    /** Problems with proposed thresholds, keyed by field; empty when valid. */
    public static Map<String, String> problems(BigDecimal featureSizeWeeks, Integer maxFeatureSizedPercent,
            BigDecimal nowCapacityWeeks, Integer maxNowPercent, Integer antiGoalSimilarityPercent) {
        Problems problems = new Problems();
        if (featureSizeWeeks == null) {
            problems.add("featureSizeWeeks", "is required (person-weeks)");
        } else if (featureSizeWeeks.signum() < 0 || featureSizeWeeks.compareTo(new BigDecimal("52")) > 0) {
            problems.add("featureSizeWeeks", "must be from 0 to 52 person-weeks");
        }
        percent(problems, "maxFeatureSizedPercent", maxFeatureSizedPercent, 0);
        problems.addIf(nowCapacityWeeks != null && (nowCapacityWeeks.signum() <= 0 || nowCapacityWeeks.compareTo(new BigDecimal("100000")) > 0),
                "nowCapacityWeeks", "must be more than 0 and at most 100000 person-weeks, or left empty when unknown");
        percent(problems, "maxNowPercent", maxNowPercent, 1);
        percent(problems, "antiGoalSimilarityPercent", antiGoalSimilarityPercent, 1);
        return problems.asMap();
    }

    private static void percent(Problems problems, String field, Integer value, int min) {
        if (value == null) {
            problems.add(field, "is required (a percentage)");
        } else if (value < min || value > 100) {
            problems.add(field, "must be a percentage from " + min + " to 100");
        }
    }

    public Thresholds {
        Map<String, String> problems = problems(featureSizeWeeks, maxFeatureSizedPercent, nowCapacityWeeks, maxNowPercent,
                antiGoalSimilarityPercent);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid thresholds: " + problems);
        }
    }
}
