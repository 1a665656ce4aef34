package app.truenorth.roadmap.domain;

import static app.truenorth.roadmap.domain.TestInitiatives.initiative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRulesTest {

    private static Objective objective(Direction direction, String baseline, String target, String current, String unit) {
        return new Objective(1, "Activation", "Trial conversion", unit, direction, new BigDecimal(baseline),
                new BigDecimal(target), current == null ? null : new BigDecimal(current), LocalDate.of(2026, 9, 30));
    }

    @Test
    void progressOfAnIncreasingMetricReadsFromBaselineToTarget() {
        Objective o = objective(Direction.INCREASE, "10", "20", "14", "%");
        assertThat(o.describeProgress()).isEqualTo("from 10 % to 20 %, now 14 %");
        assertThat(o.progress()).isEqualByComparingTo("0.4");
        assertThat(o.describeShare()).isEqualTo("40 % of the way");
        assertThat(o.progressPercentClamped()).isEqualTo(40);
    }

    @Test
    void progressOfADecreasingMetricCountsTheDropAsProgress() {
        Objective o = objective(Direction.DECREASE, "8", "5", "6.5", "%");
        assertThat(o.progress()).isEqualByComparingTo("0.5");
        assertThat(o.describeProgress()).isEqualTo("from 8 % to 5 %, now 6.5 %");
    }

    @Test
    void movingTheWrongWayOrOvershootingIsSaidPlainly() {
        assertThat(objective(Direction.INCREASE, "10", "20", "8", "%").describeShare()).isEqualTo("moved the wrong way (-20 %)");
        assertThat(objective(Direction.INCREASE, "10", "20", "8", "%").progressPercentClamped()).isZero();
        assertThat(objective(Direction.DECREASE, "300", "200", "150", "ms").describeShare()).isEqualTo("target passed (150 %)");
        assertThat(objective(Direction.INCREASE, "10", "20", null, "%").describeProgress()).isEqualTo("from 10 % to 20 %, no current value yet");
        assertThat(objective(Direction.INCREASE, "1000", "5000", "2000", "€").describeProgress()).isEqualTo("from €1000 to €5000, now €2000");
    }

    @Test
    void aTargetInTheImpossibleDirectionIsRefused() {
        assertThat(Objective.problems(Direction.INCREASE, new BigDecimal("10"), new BigDecimal("5")))
                .containsEntry("target", "must be above the baseline (10) for a metric that should increase");
        assertThat(Objective.problems(Direction.DECREASE, new BigDecimal("10"), new BigDecimal("12")))
                .containsEntry("target", "must be below the baseline (10) for a metric that should decrease");
        assertThat(Objective.problems(Direction.INCREASE, new BigDecimal("10"), new BigDecimal("10"))).containsKey("target");
        assertThat(Objective.problems(Direction.DECREASE, new BigDecimal("10"), new BigDecimal("2"))).isEmpty();
        assertThatThrownBy(() -> objective(Direction.INCREASE, "10", "5", null, "%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void effortIsANonNegativeRangeWithAPositiveTop() {
        assertThat(EffortRange.problems(new BigDecimal("-1"), new BigDecimal("3"))).containsOnlyKeys("effortLow");
        assertThat(EffortRange.problems(new BigDecimal("1"), new BigDecimal("-3"))).containsOnlyKeys("effortHigh");
        assertThat(EffortRange.problems(new BigDecimal("5"), new BigDecimal("3")))
                .containsEntry("effortHigh", "must be at least the low estimate (5)");
        assertThat(EffortRange.problems(BigDecimal.ZERO, BigDecimal.ZERO)).containsEntry("effortHigh", "must be more than zero");
        assertThat(EffortRange.problems(BigDecimal.ZERO, new BigDecimal("0.5"))).isEmpty();
        assertThat(EffortRange.of("4", "6").describe()).isEqualTo("4–6 person-weeks");
        assertThat(EffortRange.of("3.0", "3").describe()).isEqualTo("3 person-weeks");
        assertThat(EffortRange.of("4", "7").midpoint()).isEqualByComparingTo("5.5");
        assertThatThrownBy(() -> EffortRange.of("-2", "3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initiativeFieldsAreChecked() {
        assertThat(Initiative.problems(" ", 50, null, null)).containsOnlyKeys("title");
        assertThat(Initiative.problems("Ok", 101, null, null)).containsOnlyKeys("confidence");
        assertThat(Initiative.problems("Ok", -1, null, null)).containsOnlyKeys("confidence");
        assertThat(Initiative.problems("Ok", 50, LocalDate.of(2026, 3, 1), null)).containsOnlyKeys("endDate");
        assertThat(Initiative.problems("Ok", 50, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))
                .containsEntry("endDate", "must not be before the start date (2026-03-01)");
        assertThat(Initiative.problems("Ok", 50, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1))).isEmpty();
    }

    @Test
    void plannedDatesComeFromDatesOrElseTheQuarter() {
        var quarterOnly = initiative(1, "Q").quarter("2026-Q3").build();
        assertThat(quarterOnly.plannedStart()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(quarterOnly.plannedEnd()).isEqualTo(LocalDate.of(2026, 9, 30));
        var dated = initiative(2, "D").quarter("2026-Q3").dates("2026-08-01", "2026-08-20").build();
        assertThat(dated.plannedStart()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(initiative(3, "U").build().isDated()).isFalse();
    }

    @Test
    void quartersParseAndOrder() {
        assertThat(Quarter.parse("2026-Q4")).contains(new Quarter(2026, 4));
        assertThat(Quarter.parse("2026q1")).contains(new Quarter(2026, 1));
        assertThat(Quarter.parse("2026-Q5")).isEmpty();
        assertThat(Quarter.parse("Q3")).isEmpty();
        assertThat(new Quarter(2026, 4).next()).isEqualTo(new Quarter(2027, 1));
        assertThat(Quarter.of(LocalDate.of(2026, 5, 17))).isEqualTo(new Quarter(2026, 2));
        assertThat(new Quarter(2026, 1).end()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void risksAreRatedOneToFive() {
        assertThat(Risk.problems("Vendor delay", 0, 6)).containsOnlyKeys("likelihood", "impact");
        assertThat(Risk.problems("", 3, 3)).containsOnlyKeys("title");
        var risk = new Risk(1, null, "Vendor delay", 4, 4, "Second vendor", "Ana");
        assertThat(risk.exposure()).isEqualTo(16);
        assertThat(risk.level()).isEqualTo("high");
    }

    @Test
    void traceabilityListsEachChainAndItsGaps() {
        var link = new StrategicLink(LinkKind.DIFFERENTIATOR, 7, "Works offline");
        var theme = new Theme(1, "Field work", "");
        var objective = objective(Direction.INCREASE, "10", "20", "14", "%");
        var full = initiative(1, "Offline sync").theme(1).objectives(1L).link(link).build();
        var orphan = initiative(2, "Dark mode").build();
        var chains = Traceability.chains(List.of(full, orphan), List.of(theme), List.of(objective));
        assertThat(chains.getFirst().isOrphan()).isFalse();
        assertThat(chains.getFirst().theme()).isEqualTo(theme);
        assertThat(chains.getFirst().link().describe()).isEqualTo("Differentiator: Works offline");
        assertThat(Traceability.orphans(List.of(full, orphan), List.of(theme), List.of(objective)))
                .singleElement().satisfies(c -> assertThat(c.gaps())
                        .containsExactly("no objective", "no theme", "no differentiator or problem statement"));
    }
}
