package app.truenorth.roadmap.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random roadmaps for property tests and the benchmark: the same seed always gives the same
 * roadmap, so a failing case can be replayed from the seed in the assertion message.
 */
public final class RoadmapGenerator {

    private final Random random;

    public RoadmapGenerator(long seed) {
        this.random = new Random(seed);
    }

    public record Generated(List<Initiative> initiatives, List<Dependency> dependencies) {
    }

    public Random random() {
        return random;
    }

    /** n initiatives and m dependencies that cannot form a cycle: a node only depends on one earlier in a shuffled order. */
    public Generated dag(int n, int m) {
        List<Initiative> initiatives = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            initiatives.add(initiative(1000L + i * 7L)); // ids not equal to positions, on purpose
        }
        int[] order = shuffled(n);
        List<Dependency> dependencies = new ArrayList<>(m);
        if (n >= 2) {
            for (int e = 0; e < m; e++) {
                int a = 1 + random.nextInt(n - 1);
                int b = random.nextInt(a);
                dependencies.add(Dependency.between(e + 1, initiatives.get(order[a]).id(), initiatives.get(order[b]).id()));
            }
        }
        return new Generated(initiatives, dependencies);
    }

    public Initiative initiative(long id) {
        Horizon horizon = Horizon.values()[random.nextInt(3)];
        Stage stage = Stage.values()[random.nextInt(5)];
        int low = random.nextInt(20);
        int high = low + random.nextInt(20) + (low == 0 ? 1 : 0);
        EffortRange effort = new EffortRange(BigDecimal.valueOf(low), BigDecimal.valueOf(high).add(half()));
        Quarter quarter = null;
        LocalDate start = null;
        LocalDate end = null;
        switch (random.nextInt(3)) {
            case 0 -> quarter = new Quarter(2026 + random.nextInt(2), 1 + random.nextInt(4));
            case 1 -> {
                start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(600));
                end = start.plusDays(random.nextInt(120));
            }
            default -> {
            }
        }
        ScoreInputs scores = new ScoreInputs(BigDecimal.valueOf(random.nextInt(5000)), pick(ScoreInputs.RICE_IMPACTS),
                1 + random.nextInt(10), 1 + random.nextInt(10), 1 + random.nextInt(10), fib(), fib(), fib(), fib(),
                1 + random.nextInt(10));
        return new Initiative(id, "Initiative " + id, "About " + id, random.nextBoolean() ? 1L + random.nextInt(4) : null,
                List.of(), horizon, stage, "Team " + random.nextInt(5), effort, random.nextInt(101), quarter, start, end,
                random.nextBoolean() ? Visibility.EXTERNAL : Visibility.INTERNAL, null, scores);
    }

    private BigDecimal half() {
        return random.nextBoolean() ? new BigDecimal("0.5") : BigDecimal.ZERO;
    }

    private int fib() {
        return pick(ScoreInputs.FIBONACCI);
    }

    private <T> T pick(java.util.Set<T> values) {
        List<T> list = new ArrayList<>(values);
        list.sort(null);
        return list.get(random.nextInt(list.size()));
    }

    private int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
