package app.truenorth.health.web;

import app.truenorth.health.rules.Thresholds;
import java.math.BigDecimal;

/** The thresholds form as typed, so a rejected form shows back exactly what was entered. */
public record ThresholdsForm(String featureSizeWeeks, String maxFeatureSizedPercent, String nowCapacityWeeks, String maxNowPercent,
        String antiGoalMatchPercent, int version) {

    static ThresholdsForm of(Thresholds t, int version) {
        return new ThresholdsForm(plain(t.featureSizeWeeks()), String.valueOf(t.maxFeatureSizedPercent()),
                t.nowCapacityWeeks() == null ? "" : plain(t.nowCapacityWeeks()), String.valueOf(t.maxNowPercent()),
                String.valueOf(t.antiGoalMatchPercent()), version);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
