package app.truenorth.health.web;

import app.truenorth.health.rules.Thresholds;
import java.math.BigDecimal;

/**
 * The thresholds form as typed, so a rejected form shows back exactly what was entered; {@code version} is
 * the one it was rendered with (null when the post lost it: the next post then asks for a reload again).
 */
public record ThresholdsForm(String featureSizeWeeks, String maxFeatureSizedPercent, String nowCapacityWeeks, String maxNowPercent,
        String antiGoalMatchPercent, Integer version) {

    static ThresholdsForm of(Thresholds t, int version) {
        return new ThresholdsForm(plain(t.featureSizeWeeks()), String.valueOf(t.maxFeatureSizedPercent()),
                t.nowCapacityWeeks() == null ? "" : plain(t.nowCapacityWeeks()), String.valueOf(t.maxNowPercent()),
                String.valueOf(t.antiGoalMatchPercent()), version);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
