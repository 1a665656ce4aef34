package app.truenorth.roadmap.web;

import app.truenorth.platform.web.ProductSection;
import app.truenorth.platform.web.Shell;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapSettings;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.RoadmapGenerator;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.render.TimelineSvg;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Server-side rendering time of the horizon page (the precompiled JTE template, with ranking and
 * filtering) and of the timeline SVG, for a generated roadmap of 2,000 initiatives and 3,000
 * dependencies. Data loading from the database is not included. Not a test; run with
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     app.truenorth.roadmap.web.RenderBench
 * </pre>
 */
public final class RenderBench {

    private RenderBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        var generated = new RoadmapGenerator(7).dag(n, n * 3 / 2);
        List<Stored<Theme>> themes = new ArrayList<>();
        for (long t = 1; t <= 4; t++) {
            themes.add(new Stored<>(new Theme(t, "Theme " + t, ""), 0));
        }
        List<Stored<Initiative>> initiatives = generated.initiatives().stream().map(i -> new Stored<>(i, 0)).toList();
        List<Stored<Dependency>> dependencies = generated.dependencies().stream().map(d -> new Stored<>(d, 0)).toList();
        RoadmapData data = new RoadmapData("Atlas", new RoadmapSettings(1, 1, 1, ScoringMethod.RICE, 30, null, 0), themes, List.of(),
                initiatives, dependencies, List.of());
        Shell shell = new Shell("Roadmap · Atlas", "roadmap", new Shell.Viewer("Ana", "ana@example.com", "Acme", "Editor", true,
                false, List.of(), 1), new Shell.ProductNav(1, "Atlas"), List.of(new Shell.ProductNav(1, "Atlas")), "token", "_csrf",
                false, null, List.of(new ProductSection("overview", "Overview", "Where the product stands.", 100),
                        new ProductSection("strategy", "Strategy", "The strategy session.", 200),
                        new ProductSection("alignment", "Alignment", "Alignment workshops.", 300),
                        new ProductSection("roadmap", "Roadmap", "Themes, objectives and initiatives.", 400),
                        new ProductSection("execution", "Execution", "Weekly check-ins.", 500),
                        new ProductSection("feedback", "Feedback", "Customer feedback.", 600),
                        new ProductSection("health", "Health", "Roadmap pitfalls.", 700)));
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        LocalDate today = LocalDate.of(2026, 11, 21);

        Runnable horizon = () -> {
            RoadmapPage page = RoadmapPage.of(1, data, RoadmapFilter.NONE, "horizon", true);
            StringOutput out = new StringOutput(1 << 20);
            engine.render("roadmap/horizon.jte", Map.of("shell", shell, "page", page), out);
            sink += out.toString().length();
        };
        Runnable timeline = () -> {
            RoadmapPage page = RoadmapPage.of(1, data, RoadmapFilter.NONE, "timeline", true);
            String svg = TimelineSvg.render(data, page.shown(), TimelineSvg.Lanes.THEME, today, "/products/1/roadmap/initiatives/");
            StringOutput out = new StringOutput(1 << 20);
            engine.render("roadmap/timeline.jte", Map.of("shell", shell, "page", page, "svg", svg, "lanes", "theme"), out);
            sink += out.toString().length();
        };
        for (int i = 0; i < 30; i++) {
            horizon.run();
            timeline.run();
        }
        System.out.printf("%d initiatives, %d dependencies%n", n, dependencies.size());
        report("horizon page", horizon);
        report("timeline page (SVG)", timeline);
        System.out.println("checksum " + sink);
    }

    private static long sink;

    private static void report(String name, Runnable task) {
        int runs = 41;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-22s median %6.1f ms   best %6.1f ms   worst %6.1f ms%n", name, ms[runs / 2], ms[0], ms[runs - 1]);
    }
}
