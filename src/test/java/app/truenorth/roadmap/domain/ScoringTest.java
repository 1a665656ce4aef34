package app.truenorth.roadmap.domain;

import static app.truenorth.roadmap.domain.TestInitiatives.initiative;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoringTest {

    private static ScoreInputs rice(String reach, String impact) {
        return new ScoreInputs(new BigDecimal(reach), new BigDecimal(impact), null, null, null, null, null, null, null, null);
    }

    private static ScoreInputs ice(int i, int c, int e) {
        return new ScoreInputs(null, null, i, c, e, null, null, null, null, null);
    }

    private static ScoreInputs wsjf(int bv, int tc, int rr, int js) {
        return new ScoreInputs(null, null, null, null, null, bv, tc, rr, js, null);
    }

    @Test
    void riceMultipliesReachImpactConfidenceAndDividesByEffort() {
        var it = initiative(1, "Self-serve trials").effort("3", "5").confidence(80).scores(rice("500", "2")).build();
        Score score = Scoring.score(ScoringMethod.RICE, it).orElseThrow();
        // 500 × 2 × 0.8 ÷ 4 = 200
        assertThat(score.value()).isEqualByComparingTo("200");
        assertThat(score.value().scale()).isEqualTo(2);
        assertThat(score.explanation()).isEqualTo(
                "reach 500 × impact 2 (high) × confidence 80 % ÷ effort 4 person-weeks = 200.00");
    }

    @Test
    void riceIsExactWhereDoublesWouldDrift() {
        // 10 × 0.25 × 0.7 ÷ 3 = 0.58333… → 0.58 (half-up, computed in decimal, not binary)
        Score score = Scoring.rice(BigDecimal.TEN, new BigDecimal("0.25"), 70, new BigDecimal("3"));
        assertThat(score.value()).isEqualTo(new BigDecimal("0.58"));
        Score half = Scoring.rice(new BigDecimal("1"), new BigDecimal("0.25"), 50, new BigDecimal("1"));
        assertThat(half.value()).isEqualTo(new BigDecimal("0.13")); // 0.125 rounds half-up
    }

    @Test
    void iceIsTheProductOfThreeOneToTenScores() {
        var it = initiative(1, "Onboarding tour").scores(ice(8, 6, 9)).build();
        Score score = Scoring.score(ScoringMethod.ICE, it).orElseThrow();
        assertThat(score.value()).isEqualByComparingTo("432");
        assertThat(score.explanation()).isEqualTo("impact 8 × confidence 6 × ease 9 = 432.00");
    }

    @Test
    void wsjfDividesCostOfDelayByJobSize() {
        var it = initiative(1, "SSO").scores(wsjf(8, 13, 5, 8)).build();
        Score score = Scoring.score(ScoringMethod.WSJF, it).orElseThrow();
        assertThat(score.value()).isEqualTo(new BigDecimal("3.25"));
        assertThat(score.explanation()).contains("cost of delay 26").contains("÷ job size 8 = 3.25");
    }

    @Test
    void valueEffortUsesTheEffortMidpoint() {
        var it = initiative(1, "Export").effort("1", "2")
                .scores(new ScoreInputs(null, null, null, null, null, null, null, null, null, 9)).build();
        Score score = Scoring.score(ScoringMethod.VALUE_EFFORT, it).orElseThrow();
        assertThat(score.value()).isEqualTo(new BigDecimal("6.00")); // 9 ÷ 1.5
        assertThat(score.explanation()).isEqualTo("value 9 ÷ effort 1.5 person-weeks = 6.00");
    }

    @Test
    void missingInputsAreNamedInsteadOfScoredAsZero() {
        var it = initiative(1, "Vague").scores(new ScoreInputs(new BigDecimal("100"), null, null, null, null, null, null, null, null, null)).build();
        assertThat(Scoring.score(ScoringMethod.RICE, it)).isEmpty();
        assertThat(Scoring.missing(ScoringMethod.RICE, it)).isEqualTo("needs impact");
        assertThat(Scoring.missing(ScoringMethod.WSJF, it)).isEqualTo("needs business value, time criticality, risk reduction, job size");
    }

    @Test
    void rankingOrdersHighestFirstSharesRanksOnTiesAndListsTheUnscored() {
        var a = initiative(1, "Alpha").scores(ice(5, 5, 5)).build(); // 125
        var b = initiative(2, "Bravo").scores(ice(10, 10, 2)).build(); // 200
        var c = initiative(3, "Charlie").scores(ice(5, 5, 5)).build(); // 125
        var d = initiative(4, "Delta").build();
        var ranking = Scoring.rank(ScoringMethod.ICE, List.of(a, b, c, d));
        assertThat(ranking.ranked()).extracting(Scoring.Ranked::title).containsExactly("Bravo", "Alpha", "Charlie");
        assertThat(ranking.ranked()).extracting(Scoring.Ranked::rank).containsExactly(1, 2, 2);
        assertThat(ranking.ranked().getFirst().explanation()).isEqualTo("impact 10 × confidence 10 × ease 2 = 200.00");
        assertThat(ranking.unscored()).singleElement().satisfies(u -> {
            assertThat(u.title()).isEqualTo("Delta");
            assertThat(u.missing()).isEqualTo("needs ICE impact, ICE confidence, ease");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "2", "1", "0.5", "0.25", "2.00", "0.50"})
    void riceImpactAcceptsItsScale(String impact) {
        assertThat(rice("10", impact).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "0", "1.5", "0.75", "-1", "0.1"})
    void riceImpactRefusesAnythingOffTheScale(String impact) {
        assertThat(rice("10", impact).problems()).containsOnlyKeys("impact");
    }

    @Test
    void reachMustNotBeNegative() {
        assertThat(rice("-1", "1").problems()).containsOnlyKeys("reach");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -3, 100})
    void iceScoresMustBeOneToTen(int bad) {
        assertThat(ice(bad, 5, 5).problems()).containsOnlyKeys("iceImpact");
        assertThat(ice(5, bad, 5).problems()).containsOnlyKeys("iceConfidence");
        assertThat(ice(5, 5, bad).problems()).containsOnlyKeys("iceEase");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 6, 7, 21, 40, -1})
    void wsjfEstimatesMustBeFibonacci(int bad) {
        assertThat(wsjf(bad, 1, 1, 1).problems()).containsOnlyKeys("businessValue");
        assertThat(wsjf(1, bad, 1, 1).problems()).containsOnlyKeys("timeCriticality");
        assertThat(wsjf(1, 1, bad, 1).problems()).containsOnlyKeys("riskReduction");
        assertThat(wsjf(1, 1, 1, bad).problems()).containsOnlyKeys("jobSize");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 20})
    void wsjfAcceptsTheFibonacciScale(int ok) {
        assertThat(wsjf(ok, ok, ok, ok).problems()).isEmpty();
    }
}
