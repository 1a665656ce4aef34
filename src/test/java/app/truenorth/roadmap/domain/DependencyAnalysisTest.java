package app.truenorth.roadmap.domain;

import static app.truenorth.roadmap.domain.TestInitiatives.initiative;
import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.roadmap.domain.DependencyAnalysis.FlagKind;
import app.truenorth.roadmap.domain.DependencyAnalysis.Weight;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyAnalysisTest {

    private final Initiative a = initiative(1, "Billing API").in(Horizon.NOW).effort("2", "4").build();
    private final Initiative b = initiative(2, "Usage metering").in(Horizon.NOW).effort("4", "6").build();
    private final Initiative c = initiative(3, "Invoices").in(Horizon.NEXT).effort("1", "1").build();
    private final Initiative d = initiative(4, "Dunning").in(Horizon.LATER).effort("10", "10").build();

    @Test
    void aCycleIsFoundAndNamedInDependsOnOrder() {
        var deps = List.of(Dependency.between(1, 1, 2), Dependency.between(2, 2, 3), Dependency.between(3, 3, 1),
                Dependency.between(4, 4, 1));
        var result = DependencyAnalysis.analyze(List.of(a, b, c, d), deps, Weight.EFFORT);
        assertThat(result.hasCycle()).isTrue();
        assertThat(result.cycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.initiativeIds()).containsExactly(1L, 2L, 3L);
            assertThat(cycle.describe()).isEqualTo("“Billing API” → “Usage metering” → “Invoices” → “Billing API”");
        });
        assertThat(result.criticalPath()).isEmpty();
    }

    @Test
    void aSelfDependencyIsACycleOfOne() {
        var result = DependencyAnalysis.analyze(List.of(a), List.of(Dependency.between(1, 1, 1)), Weight.EFFORT);
        assertThat(result.cycles()).singleElement().satisfies(cycle ->
                assertThat(cycle.describe()).isEqualTo("“Billing API” → “Billing API”"));
    }

    @Test
    void addingADependencyThatClosesALoopNamesTheLoop() {
        var existing = List.of(Dependency.between(1, 2, 1), Dependency.between(2, 3, 2));
        // Billing API would depend on Invoices, which depends on Usage metering, which depends on Billing API
        var cycle = DependencyAnalysis.cycleIfAdded(existing, 1, 3).orElseThrow();
        assertThat(cycle).containsExactly(1L, 3L, 2L);
        Map<Long, String> titles = Map.of(1L, "Billing API", 2L, "Usage metering", 3L, "Invoices");
        assertThat(DependencyAnalysis.describeCycle(cycle, titles::get))
                .isEqualTo("“Billing API” → “Invoices” → “Usage metering” → “Billing API”");
        assertThat(DependencyAnalysis.cycleIfAdded(existing, 3, 1)).isEmpty();
        assertThat(DependencyAnalysis.cycleIfAdded(existing, 2, 2)).contains(List.of(2L));
    }

    @Test
    void aNowItemWaitingOnALaterOneIsFlagged() {
        var result = DependencyAnalysis.analyze(List.of(a, b, c, d),
                List.of(Dependency.between(1, 1, 4), Dependency.between(2, 2, 1), Dependency.between(3, 4, 3)), Weight.EFFORT);
        assertThat(result.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.HORIZON_ORDER);
            assertThat(flag.message()).isEqualTo(
                    "“Billing API” is in Now but depends on “Dunning” in Later: move one of them, or drop the dependency.");
        });
    }

    @Test
    void startingBeforeADependencyEndsIsFlagged() {
        var first = initiative(1, "Data model").dates("2026-03-01", "2026-04-15").build();
        var overlapping = initiative(2, "Reports").dates("2026-04-15", "2026-05-30").build();
        var after = initiative(3, "Exports").quarter("2026-Q3").build();
        var quarterly = initiative(4, "Alerts").quarter("2026-Q2").build();
        var result = DependencyAnalysis.analyze(List.of(first, overlapping, after, quarterly),
                List.of(Dependency.between(1, 2, 1), Dependency.between(2, 3, 1), Dependency.between(3, 4, 1)), Weight.EFFORT);
        assertThat(result.flags()).extracting(DependencyAnalysis.Flag::dependentId).containsExactly(2L, 4L);
        assertThat(result.flags().getFirst().message())
                .isEqualTo("“Reports” starts on 2026-04-15, before “Data model”, which it depends on, ends on 2026-04-15.");
    }

    @Test
    void theCriticalPathIsTheLongestChainOfEffort() {
        // a(3) ← b(5) ← c(1);  d(10) alone;  a(3) ← c(1)
        var deps = List.of(Dependency.between(1, 2, 1), Dependency.between(2, 3, 2), Dependency.between(3, 3, 1));
        var path = DependencyAnalysis.analyze(List.of(a, b, c, d), deps, Weight.EFFORT).criticalPath().orElseThrow();
        assertThat(path.initiativeIds()).containsExactly(4L); // Dunning alone is 10 > 3 + 5 + 1
        var longer = initiative(4, "Dunning").effort("1", "1").build();
        var path2 = DependencyAnalysis.analyze(List.of(a, b, c, longer), deps, Weight.EFFORT).criticalPath().orElseThrow();
        assertThat(path2.initiativeIds()).containsExactly(1L, 2L, 3L);
        assertThat(path2.length()).isEqualByComparingTo("9");
        assertThat(path2.describe()).isEqualTo("Billing API → Usage metering → Invoices (9 person-weeks)");
    }

    @Test
    void byDurationDatedItemsCountTheirDays() {
        var x = initiative(1, "X").dates("2026-01-01", "2026-01-10").build(); // 10 days
        var y = initiative(2, "Y").effort("1", "1").build(); // undated: 1 week = 7 days
        var path = DependencyAnalysis.analyze(List.of(x, y), List.of(Dependency.between(1, 2, 1)), Weight.DURATION)
                .criticalPath().orElseThrow();
        assertThat(path.length()).isEqualByComparingTo("17");
        assertThat(path.describe()).endsWith("(17 days)");
    }

    @Test
    void externalDependenciesAreListedNotAnalysed() {
        var ext = Dependency.external(9, 1, ExternalKind.TEAM, "Payments team");
        var result = DependencyAnalysis.analyze(List.of(a), List.of(ext), Weight.EFFORT);
        assertThat(result.external()).containsExactly(ext);
        assertThat(result.flags()).isEmpty();
        assertThat(result.criticalPath()).isPresent();
    }

    @Test
    void anEmptyRoadmapHasNothingToReport() {
        var result = DependencyAnalysis.analyze(List.of(), List.of(), Weight.EFFORT);
        assertThat(result.cycles()).isEmpty();
        assertThat(result.criticalPath()).isEmpty();
    }
}
