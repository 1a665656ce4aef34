package app.truenorth.roadmap.bench;

import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.DependencyAnalysis.Weight;
import app.truenorth.roadmap.domain.RoadmapGenerator;
import java.util.Arrays;

/**
 * Benchmark of the dependency analysis (cycles, horizon and date checks, critical path) on generated
 * roadmaps of 10,000 to 100,000 initiatives with two dependencies each. Not a test: timings on a
 * shared machine are not assertions. Run with
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -Xmx1g -cp target/test-classes:target/classes app.truenorth.roadmap.bench.DependencyAnalysisBench
 * </pre>
 *
 * and record the figures in docs/benchmarks.md ("Roadmap").
 */
public final class DependencyAnalysisBench {

    private DependencyAnalysisBench() {
    }

    public static void main(String[] args) {
        int[] sizes = {10_000, 20_000, 50_000, 100_000};
        var roadmaps = new RoadmapGenerator.Generated[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            roadmaps[s] = new RoadmapGenerator(42).dag(sizes[s], sizes[s] * 2);
        }
        // warm-up: let the JIT compile the analysis before anything is measured
        for (int i = 0; i < 15; i++) {
            for (var r : roadmaps) {
                sink(DependencyAnalysis.analyze(r.initiatives(), r.dependencies(), Weight.EFFORT));
            }
        }
        System.out.printf("%-12s %-13s %10s %10s %10s%n", "initiatives", "dependencies", "median ms", "min ms", "max ms");
        // sizes take turns run by run, so a burst of load from other processes hits every size alike
        int runs = 31;
        double[][] ms = new double[sizes.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int s = 0; s < sizes.length; s++) {
                var r = roadmaps[s];
                long t0 = System.nanoTime();
                var result = DependencyAnalysis.analyze(r.initiatives(), r.dependencies(), Weight.EFFORT);
                ms[s][i] = (System.nanoTime() - t0) / 1e6;
                sink(result);
            }
        }
        double[] medians = new double[sizes.length];
        double[] mins = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            Arrays.sort(ms[s]);
            medians[s] = ms[s][runs / 2];
            mins[s] = ms[s][0];
            System.out.printf("%-12d %-13d %10.1f %10.1f %10.1f%n", sizes[s], sizes[s] * 2, medians[s], ms[s][0], ms[s][runs - 1]);
        }
        System.out.printf("growth 10k → 100k (10× the items): %.1f× the median time, %.1f× the best time%n",
                medians[3] / medians[0], mins[3] / mins[0]);
        System.out.println("checksum " + checksum);
    }

    private static long checksum;

    private static void sink(DependencyAnalysis.Result result) {
        checksum += result.flags().size() + result.criticalPath().map(p -> p.initiativeIds().size()).orElse(0);
    }
}
