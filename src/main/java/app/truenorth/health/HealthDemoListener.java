package app.truenorth.health;

import app.truenorth.roadmap.RoadmapSamples;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.workspace.DemoWorkspaceSeeded;
import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo's main product realistic health thresholds: 12 person-weeks of Now capacity (what two
 * squads have left this quarter after support and on-call), features up to two person-weeks. Against the
 * sample roadmap that shows genuine findings (Now over capacity after "Onboarding emails" was pulled in,
 * too many small items, exact dates on Next items, an orphan with no theme), not a wall of red.
 *
 * <p>Runs last, after the modules that fill the roadmap. The roadmap module ships its sample data
 * ({@link RoadmapSamples}) but does not fill the demo itself yet, so when the demo roadmap is still
 * empty here it is filled first; once the roadmap module listens itself, this finds it filled.
 */
@Component
class HealthDemoListener {

    static final Health.ThresholdsInput DEMO_THRESHOLDS = new Health.ThresholdsInput(new BigDecimal("2"), 20, new BigDecimal("12"),
            40, 60);

    private final Health health;
    private final Roadmaps roadmaps;
    private final RoadmapSamples samples;

    HealthDemoListener(Health health, Roadmaps roadmaps, RoadmapSamples samples) {
        this.health = health;
        this.roadmaps = roadmaps;
        this.samples = samples;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(DemoWorkspaceSeeded seeded) {
        seeded.products().stream().filter(p -> p.key().equals("atlas")).findFirst().ifPresent(atlas -> {
            if (roadmaps.load(atlas.productId()).initiatives().isEmpty()) {
                samples.fill(atlas.productId());
            }
            health.updateThresholds(atlas.productId(), DEMO_THRESHOLDS, health.thresholds(atlas.productId()).version());
        });
    }
}
