package app.truenorth.roadmap.domain;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.roadmap.domain.DependencyAnalysis.Weight;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over thousands of generated roadmaps. Each case is one seed: a failure names it, and
 * {@code new RoadmapGenerator(seed)} rebuilds exactly that roadmap.
 */
class RoadmapPropertiesTest {

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 2000).boxed();
    }

    static Stream<Long> fewerSeeds() {
        return LongStream.rangeClosed(1, 500).boxed();
    }

    private static RoadmapGenerator.Generated roadmap(long seed) {
        var gen = new RoadmapGenerator(seed);
        int n = 1 + gen.random().nextInt(30);
        int m = gen.random().nextInt(n * 2 + 1);
        return gen.dag(n, m);
    }

    /** Requires-edges as a map: dependent → what it requires. */
    private static Map<Long, Set<Long>> requires(List<Dependency> deps) {
        Map<Long, Set<Long>> map = new HashMap<>();
        for (Dependency d : deps) {
            map.computeIfAbsent(d.dependentId(), k -> new HashSet<>()).add(d.requiredId());
        }
        return map;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noCycleIsReportedOnAGeneratedDag(long seed) {
        var r = roadmap(seed);
        var result = DependencyAnalysis.analyze(r.initiatives(), r.dependencies(), Weight.EFFORT);
        assertThat(result.cycles()).as("seed %d", seed).isEmpty();
        assertThat(result.criticalPath()).as("seed %d", seed).isPresent();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aPlantedCycleIsAlwaysFoundAndIsARealCycle(long seed) {
        var gen = new RoadmapGenerator(seed);
        var r = gen.dag(2 + gen.random().nextInt(30), 1 + gen.random().nextInt(60));
        var req = requires(r.dependencies());
        // walk "depends on" edges from a node that has any, then close the walk back to its start
        List<Long> withDeps = new ArrayList<>(req.keySet());
        withDeps.sort(null);
        long start = withDeps.get(gen.random().nextInt(withDeps.size()));
        long end = start;
        int steps = 1 + gen.random().nextInt(5);
        for (int i = 0; i < steps && req.containsKey(end); i++) {
            List<Long> next = new ArrayList<>(req.get(end));
            next.sort(null);
            end = next.get(gen.random().nextInt(next.size()));
        }
        List<Dependency> deps = new ArrayList<>(r.dependencies());
        deps.add(Dependency.between(99_999, end, start));
        var withCycle = requires(deps);

        var result = DependencyAnalysis.analyze(r.initiatives(), deps, Weight.EFFORT);
        assertThat(result.cycles()).as("seed %d", seed).isNotEmpty();
        for (var cycle : result.cycles()) {
            List<Long> ids = cycle.initiativeIds();
            for (int k = 0; k < ids.size(); k++) {
                long from = ids.get(k);
                long to = ids.get((k + 1) % ids.size());
                assertThat(withCycle.getOrDefault(from, Set.of())).as("seed %d: %s", seed, cycle.describe()).contains(to);
            }
            // the DAG had no cycle, so every cycle must use the planted edge
            assertThat(ids).as("seed %d", seed).contains(end, start);
            assertThat(cycle.describe()).as("seed %d", seed).startsWith("“").contains(" → ");
        }
        // and refusing the planted edge up front names a real cycle through it too
        var refused = DependencyAnalysis.cycleIfAdded(r.dependencies(), end, start).orElseThrow();
        assertThat(refused.getFirst()).isEqualTo(end);
        for (int k = 0; k < refused.size(); k++) {
            assertThat(withCycle.get(refused.get(k))).as("seed %d", seed).contains(refused.get((k + 1) % refused.size()));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void refusingAnEdgeAgreesWithAnalysingTheGraphWithIt(long seed) {
        var gen = new RoadmapGenerator(seed);
        var r = gen.dag(2 + gen.random().nextInt(15), gen.random().nextInt(30));
        long a = r.initiatives().get(gen.random().nextInt(r.initiatives().size())).id();
        long b = r.initiatives().get(gen.random().nextInt(r.initiatives().size())).id();
        List<Dependency> deps = new ArrayList<>(r.dependencies());
        deps.add(Dependency.between(99_999, a, b));
        boolean cyclic = DependencyAnalysis.analyze(r.initiatives(), deps, Weight.EFFORT).hasCycle();
        assertThat(DependencyAnalysis.cycleIfAdded(r.dependencies(), a, b).isPresent()).as("seed %d", seed).isEqualTo(cyclic);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theCriticalPathIsARealChainAtLeastAsLongAsEveryPath(long seed) {
        var gen = new RoadmapGenerator(seed);
        var weight = gen.random().nextBoolean() ? Weight.EFFORT : Weight.DURATION;
        var r = gen.dag(1 + gen.random().nextInt(12), gen.random().nextInt(25));
        var path = DependencyAnalysis.analyze(r.initiatives(), r.dependencies(), weight).criticalPath().orElseThrow();
        Map<Long, Initiative> byId = new HashMap<>();
        r.initiatives().forEach(i -> byId.put(i.id(), i));
        var req = requires(r.dependencies());

        // the reported chain exists (each step depends on the one before) and adds up to the reported length
        long sum = 0;
        for (int k = 0; k < path.initiativeIds().size(); k++) {
            long id = path.initiativeIds().get(k);
            sum += DependencyAnalysis.weightOf(byId.get(id), weight);
            if (k > 0) {
                assertThat(req.getOrDefault(id, Set.of())).as("seed %d", seed).contains(path.initiativeIds().get(k - 1));
            }
        }
        assertThat(path.length()).as("seed %d", seed).isEqualByComparingTo(BigDecimal.valueOf(sum, 2));

        // brute force: the longest of all chains, by exhaustive search
        Map<Long, Long> memo = new HashMap<>();
        long longest = 0;
        for (Initiative i : r.initiatives()) {
            longest = Math.max(longest, longestEndingAt(i.id(), byId, req, weight, memo));
        }
        assertThat(path.length()).as("seed %d", seed).isEqualByComparingTo(BigDecimal.valueOf(longest, 2));
    }

    private static long longestEndingAt(long id, Map<Long, Initiative> byId, Map<Long, Set<Long>> req, Weight weight,
            Map<Long, Long> memo) {
        Long known = memo.get(id);
        if (known != null) {
            return known;
        }
        long best = 0;
        for (long r : req.getOrDefault(id, Set.of())) {
            best = Math.max(best, longestEndingAt(r, byId, req, weight, memo));
        }
        long total = best + DependencyAnalysis.weightOf(byId.get(id), weight);
        memo.put(id, total);
        return total;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyHorizonInversionIsFlaggedAndNothingElse(long seed) {
        var r = roadmap(seed);
        Map<Long, Initiative> byId = new HashMap<>();
        r.initiatives().forEach(i -> byId.put(i.id(), i));
        long expected = r.dependencies().stream()
                .filter(d -> byId.get(d.dependentId()).horizon().isEarlierThan(byId.get(d.requiredId()).horizon())).count();
        long expectedDates = r.dependencies().stream().filter(d -> {
            var s = byId.get(d.dependentId()).plannedStart();
            var e = byId.get(d.requiredId()).plannedEnd();
            return s != null && e != null && !s.isAfter(e);
        }).count();
        var flags = DependencyAnalysis.analyze(r.initiatives(), r.dependencies(), Weight.EFFORT).flags();
        assertThat(flags.stream().filter(f -> f.kind() == DependencyAnalysis.FlagKind.HORIZON_ORDER).count())
                .as("seed %d", seed).isEqualTo(expected);
        assertThat(flags.stream().filter(f -> f.kind() == DependencyAnalysis.FlagKind.STARTS_BEFORE_DEPENDENCY_ENDS).count())
                .as("seed %d", seed).isEqualTo(expectedDates);
    }

    private static List<SnapshotItem> snapshot(List<Initiative> initiatives) {
        return initiatives.stream().map(i -> SnapshotItem.of(i, "Theme " + i.themeId())).toList();
    }

    /** A second roadmap made from the first by random edits: removals, additions, moves, re-scopes. */
    private static List<Initiative> edited(List<Initiative> original, RoadmapGenerator gen) {
        Random random = gen.random();
        List<Initiative> result = new ArrayList<>();
        for (Initiative i : original) {
            int roll = random.nextInt(6);
            switch (roll) {
                case 0 -> {
                    // removed
                }
                case 1 -> result.add(gen.initiative(i.id())); // everything about it may change
                default -> result.add(i);
            }
        }
        int extra = random.nextInt(4);
        for (int k = 0; k < extra; k++) {
            result.add(gen.initiative(500_000L + k));
        }
        java.util.Collections.shuffle(result, random);
        return result;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void diffOfARoadmapWithItselfIsEmptyAndDiffsAreInverses(long seed) {
        var gen = new RoadmapGenerator(seed);
        var original = gen.dag(gen.random().nextInt(25), 0).initiatives();
        var a = snapshot(original);
        var b = snapshot(edited(original, gen));
        assertThat(RoadmapDiff.between(a, a).isEmpty()).as("seed %d", seed).isTrue();
        var ab = RoadmapDiff.between(a, b);
        var ba = RoadmapDiff.between(b, a);
        assertThat(ba).as("seed %d", seed).isEqualTo(ab.inverse());
        assertThat(ab.inverse().inverse()).as("seed %d", seed).isEqualTo(ab);

        Set<Long> idsA = new HashSet<>();
        a.forEach(s -> idsA.add(s.initiativeId()));
        Set<Long> idsB = new HashSet<>();
        b.forEach(s -> idsB.add(s.initiativeId()));
        assertThat(ab.added()).as("seed %d", seed).allMatch(s -> !idsA.contains(s.initiativeId()) && idsB.contains(s.initiativeId()));
        assertThat(ab.removed()).as("seed %d", seed).allMatch(s -> idsA.contains(s.initiativeId()) && !idsB.contains(s.initiativeId()));
        assertThat(ab.added().size() - ab.removed().size()).as("seed %d", seed).isEqualTo(b.size() - a.size());
    }

    @ParameterizedTest
    @MethodSource("fewerSeeds")
    void scoresMatchTheirFormulaAndRankingsNeverIncrease(long seed) {
        var gen = new RoadmapGenerator(seed);
        var initiatives = gen.dag(1 + gen.random().nextInt(40), 0).initiatives();
        for (ScoringMethod method : ScoringMethod.values()) {
            var ranking = Scoring.rank(method, initiatives);
            assertThat(ranking.ranked().size() + ranking.unscored().size()).isEqualTo(initiatives.size());
            for (int k = 1; k < ranking.ranked().size(); k++) {
                assertThat(ranking.ranked().get(k).score()).as("seed %d", seed)
                        .isLessThanOrEqualTo(ranking.ranked().get(k - 1).score());
            }
        }
        for (Initiative i : initiatives) {
            var in = i.scores();
            assertThat(in.problems()).as("seed %d", seed).isEmpty();
            BigDecimal effort = i.effort().midpoint();
            // the same formulas computed another way (high precision, then rounded once)
            BigDecimal rice = in.reach().multiply(in.impact()).multiply(BigDecimal.valueOf(i.confidence()).movePointLeft(2))
                    .divide(effort, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
            assertThat(Scoring.score(ScoringMethod.RICE, i).orElseThrow().value()).as("seed %d", seed).isEqualTo(rice);
            assertThat(Scoring.score(ScoringMethod.ICE, i).orElseThrow().value()).isEqualByComparingTo(
                    BigDecimal.valueOf((long) in.iceImpact() * in.iceConfidence() * in.iceEase()));
            BigDecimal wsjf = BigDecimal.valueOf(in.businessValue() + in.timeCriticality() + in.riskReduction())
                    .divide(BigDecimal.valueOf(in.jobSize()), MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
            assertThat(Scoring.score(ScoringMethod.WSJF, i).orElseThrow().value()).isEqualTo(wsjf);
        }
    }
}
