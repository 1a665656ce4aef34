package app.truenorth.health;

import app.truenorth.workspace.DemoContributor;
import app.truenorth.workspace.DemoWorkspace;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Gives the demo's main product realistic health thresholds: 12 person-weeks of Now capacity (what two
 * squads have left this quarter after support and on-call), features up to two person-weeks, so the
 * sample roadmap shows genuine findings rather than a clean bill of health.
 *
 * <p>It also declares two anti-goals taken from the demo strategy session: its differentiator "works with
 * any telematics box already in the vans" rules out hardware of our own, and its positioning synthesis
 * ("we are selling to the dispatcher's morning, not to the fleet owner's spreadsheet") rules out reporting
 * for owners at the dispatchers' expense. The second flags the one initiative a reader would expect, the
 * idle-time report for fleet owners; nothing resembles the first.
 *
 * <p>Needs the roadmap's sample data: the thresholds and anti-goals are about the demo roadmap.
 */
@Component
class HealthDemoContributor implements DemoContributor {

    static final Health.ThresholdsInput DEMO_THRESHOLDS = new Health.ThresholdsInput(new BigDecimal("2"), 20, new BigDecimal("12"),
            40, 60);

    static final List<String> DEMO_ANTI_GOALS = List.of(
            "Our own tracking box that fleets must install in every van",
            "Reports for fleet owners instead of help for dispatchers");

    private final Health health;
    private final AntiGoals antiGoals;

    HealthDemoContributor(Health health, AntiGoals antiGoals) {
        this.health = health;
        this.antiGoals = antiGoals;
    }

    @Override
    public String name() {
        return "health";
    }

    @Override
    public Set<String> needs() {
        return Set.of("roadmap");
    }

    @Override
    public void contribute(DemoWorkspace seeded) {
        seeded.product("atlas").ifPresent(atlas -> {
            health.updateThresholds(atlas.productId(), DEMO_THRESHOLDS, health.thresholds(atlas.productId()).version());
            DEMO_ANTI_GOALS.forEach(goal -> antiGoals.add(atlas.productId(), goal));
        });
    }
}
