package app.truenorth.roadmap;

import app.truenorth.workspace.DemoWorkspaceSeeded;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the demo's main product, Atlas Fleet, with its sample roadmap. Runs after the session's demo
 * listener (order 100), because the sample initiatives link to that session's differentiators and
 * problem statements. The seeder publishes the event as the demo owner, so the roadmap's own role
 * checks and audit apply.
 */
@Component
class RoadmapDemoListener {

    static final int ORDER = 200;

    private final RoadmapSamples samples;

    RoadmapDemoListener(RoadmapSamples samples) {
        this.samples = samples;
    }

    @EventListener
    @Order(ORDER)
    void on(DemoWorkspaceSeeded seeded) {
        seeded.products().stream().filter(p -> p.key().equals("atlas")).findFirst()
                .ifPresent(atlas -> samples.fill(atlas.productId()));
    }
}
