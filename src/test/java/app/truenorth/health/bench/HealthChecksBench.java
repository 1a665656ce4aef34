package app.truenorth.health.bench;

import app.truenorth.health.rules.AudienceLinks;
import app.truenorth.health.rules.HealthChecks;
import app.truenorth.health.rules.HealthInput;
import app.truenorth.health.rules.HealthReport;
import app.truenorth.health.rules.Thresholds;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.RoadmapGenerator;
import app.truenorth.roadmap.domain.StrategicLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark of all health checks on generated roadmaps of 10,000 to 100,000 initiatives (two
 * dependencies each, half of them linked to the strategy, last activity for every initiative, three
 * anti-goals, a capacity set so every rule has work). Not a test: timings on a shared machine are not
 * assertions. Run with {@code bench/health.sh} and record the figures in docs/benchmarks.md ("Health").
 */
public final class HealthChecksBench {

    private HealthChecksBench() {
    }

    static HealthInput roadmap(int n, LocalDate today) {
        var generated = new RoadmapGenerator(42).dag(n, n * 2);
        List<Initiative> items = new ArrayList<>(n);
        Map<Long, LocalDate> activity = new HashMap<>();
        for (Initiative i : generated.initiatives()) {
            StrategicLink link = i.id() % 2 == 0 ? new StrategicLink(LinkKind.PROBLEM_STATEMENT, 1, "Dispatchers re-plan by hand") : null;
            String title = i.id() % 1000 == 0 ? "Custom integration for a large customer" : "Route planning improvement " + i.id();
            items.add(new Initiative(i.id(), title, "Cuts the time from a new order to a loaded van for fleet " + i.id(), i.themeId(),
                    i.objectiveIds(), i.horizon(), i.stage(), i.team(), i.effort(), i.confidence(), i.quarter(), i.startDate(),
                    i.endDate(), i.visibility(), link, i.scores()));
            activity.put(i.id(), today.minusDays(i.id() % 90));
        }
        return new HealthInput(items, generated.dependencies(), 30, today.minusDays(45), null, activity,
                List.of(new AudienceLinks("executive", "Engineering detail", false, false, 2),
                        new AudienceLinks("sales", "Engineering detail", false, false, 4),
                        new AudienceLinks("customer", "Customer roadmap", true, true, 12)),
                List.of("Build a custom integration for every large customer", "Hire dispatchers to re-plan routes by hand",
                        "Discount our way into enterprise deals"), today);
    }

    public static void main(String[] args) {
        int[] sizes = {10_000, 20_000, 50_000, 100_000};
        LocalDate today = LocalDate.of(2026, 11, 21);
        Thresholds thresholds = new Thresholds(new BigDecimal("2"), 20, new BigDecimal("400"), 40, 60);
        HealthInput[] inputs = new HealthInput[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            inputs[s] = roadmap(sizes[s], today);
        }
        long checksum = 0;
        for (int i = 0; i < 10; i++) {
            for (HealthInput in : inputs) {
                checksum += HealthChecks.run(in, thresholds).score();
            }
        }
        int runs = 21;
        double[][] ms = new double[sizes.length][runs];
        int[] findings = new int[sizes.length];
        for (int r = 0; r < runs; r++) {
            for (int s = 0; s < sizes.length; s++) {
                long t0 = System.nanoTime();
                HealthReport report = HealthChecks.run(inputs[s], thresholds);
                ms[s][r] = (System.nanoTime() - t0) / 1e6;
                findings[s] = report.findings().size();
                checksum += report.score();
            }
        }
        System.out.printf("%-12s %9s %10s %10s %10s%n", "initiatives", "findings", "median ms", "min ms", "max ms");
        double[] medians = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            Arrays.sort(ms[s]);
            medians[s] = ms[s][runs / 2];
            System.out.printf("%-12d %9d %10.1f %10.1f %10.1f%n", sizes[s], findings[s], medians[s], ms[s][0], ms[s][runs - 1]);
        }
        System.out.printf("growth 10k → 100k: %.1f× the median time%n", medians[3] / medians[0]);
        System.out.println("checksum " + checksum);
    }
}
