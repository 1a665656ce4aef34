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
 * @param antiGoalMatchPercent   how alike (0–100 %, the text scorer's score in percent) an initiative and an anti-goal
 *                                must be for the initiative to be flagged
 */
public record Thresholds(BigDecimal featureSizeWeeks, int maxFeatureSizedPercent, BigDecimal nowCapacityWeeks,
        int maxNowPercent, int antiGoalMatchPercent) {

    /**
     * Where "alike" begins by default: the text scorer's calibrated threshold, in percent. Also the value
     * the upgrade gives a stored word-overlap threshold that was at its old default (see
     * {@link #matchPercentFromWordOverlap}); docs/health.md has the figures behind it.
     */
    public static final int DEFAULT_ANTI_GOAL_MATCH_PERCENT = 50;

    /** Sensible starting points: two person-weeks is a feature, a fifth of the roadmap may be small, Now under 40 %. */
    public static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("2"), 20, null, 40, DEFAULT_ANTI_GOAL_MATCH_PERCENT);

    /** The old anti-goal threshold's default: the share of an anti-goal's significant words an initiative repeated. */
    public static final int OLD_DEFAULT_WORD_OVERLAP_PERCENT = 60;

    /**
     * Converts a threshold of the old word-overlap scale (the share of an anti-goal's significant words an
     * initiative had to repeat, 1–100 %) to the similarity scale, keeping its place relative to the
     * default: the old default 60 % becomes the new default, stricter values stay stricter in proportion
     * up to 100 % (every word repeated: only a restatement), looser ones fall in proportion towards 1 %.
     * Integer arithmetic, so migration V602 computes exactly the same in SQL.
     */
    public static int matchPercentFromWordOverlap(int wordOverlapPercent) {
        int old = Math.max(1, Math.min(100, wordOverlapPercent));
        int d = DEFAULT_ANTI_GOAL_MATCH_PERCENT;
        int o = OLD_DEFAULT_WORD_OVERLAP_PERCENT;
        if (old >= o) {
            return d + ((old - o) * (100 - d) + (100 - o) / 2) / (100 - o);
        }
        return Math.max(1, (old * d + o / 2) / o);
    }

    /** The retired field name of the word-overlap threshold, still recognised in roadmap files so it is never read silently. */
    public static final String RETIRED_FIELD = "antiGoalSimilarityPercent";

    /**
     * What a roadmap file reader says about the retired word-overlap threshold: converted by the same rule
     * as stored values when the file has no {@code antiGoalMatchPercent}, ignored when it has one.
     *
     * @param replacement the file's own {@code antiGoalMatchPercent}, or null when it has none
     */
    public static String retiredFieldWarning(int wordOverlapPercent, Integer replacement) {
        String was = RETIRED_FIELD + " (" + wordOverlapPercent + ") is retired: it was the share of an anti-goal's significant "
                + "words an initiative repeated, and anti-goals are now matched by how alike the texts are, also in meaning. ";
        if (replacement != null) {
            return was + "It is ignored, since antiGoalMatchPercent (" + replacement + ") is given; remove it.";
        }
        int converted = matchPercentFromWordOverlap(wordOverlapPercent);
        return was + "Read as antiGoalMatchPercent " + converted + ", converted as the server converted stored values; "
                + "write antiGoalMatchPercent: " + converted + " instead (the default is " + DEFAULT_ANTI_GOAL_MATCH_PERCENT + ").";
    }

    /** Share rules only speak once the roadmap has this many initiatives: three items say little about shares. */
    public static final int MIN_ITEMS_FOR_SHARES = 5;

    /** Problems with proposed thresholds, keyed by field; empty when valid. */
    public static Map<String, String> problems(BigDecimal featureSizeWeeks, Integer maxFeatureSizedPercent,
            BigDecimal nowCapacityWeeks, Integer maxNowPercent, Integer antiGoalMatchPercent) {
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
        percent(problems, "antiGoalMatchPercent", antiGoalMatchPercent, 1);
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
                antiGoalMatchPercent);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid thresholds: " + problems);
        }
    }
}
