package app.truenorth.health;

import app.truenorth.workspace.DemoWorkspaceSeeded;
import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo's main product realistic health thresholds: 12 person-weeks of Now capacity (what two
 * squads have left this quarter after support and on-call), features up to two person-weeks, so the
 * sample roadmap shows genuine findings rather than a clean bill of health.
 *
 * <p>Runs last, after the roadmap module has filled the demo roadmap.
 */
@Component
class HealthDemoListener {

    static final Health.ThresholdsInput DEMO_THRESHOLDS = new Health.ThresholdsInput(new BigDecimal("2"), 20, new BigDecimal("12"),
            40, 60);

    private final Health health;

    HealthDemoListener(Health health) {
        this.health = health;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(DemoWorkspaceSeeded seeded) {
        seeded.products().stream().filter(p -> p.key().equals("atlas")).findFirst().ifPresent(atlas ->
                health.updateThresholds(atlas.productId(), DEMO_THRESHOLDS, health.thresholds(atlas.productId()).version()));
    }
}
