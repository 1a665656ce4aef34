package app.truenorth.roadmap;

import app.truenorth.workspace.DemoContributor;
import app.truenorth.workspace.DemoWorkspace;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Fills the demo's main product, Atlas Fleet, with its sample roadmap. Needs the session's sample data,
 * because the sample initiatives link to that session's differentiators and problem statements. The
 * seeder runs it as the demo owner, so the roadmap's own role checks and audit apply.
 */
@Component
class RoadmapDemoContributor implements DemoContributor {

    private final RoadmapSamples samples;

    RoadmapDemoContributor(RoadmapSamples samples) {
        this.samples = samples;
    }

    @Override
    public String name() {
        return "roadmap";
    }

    @Override
    public Set<String> needs() {
        return Set.of("session");
    }

    @Override
    public void contribute(DemoWorkspace seeded) {
        seeded.product("atlas").ifPresent(atlas -> samples.fill(atlas.productId()));
    }
}
