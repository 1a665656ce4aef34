package app.truenorth.session;

import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.DemoWorkspaceSeeded;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds a strategy session three weeks in to the demo's main product: positioning through market sizing
 * signed off by two approvers, the roadmap-planning phase open with draft initiatives. Runs early
 * ({@link #ORDER}): the roadmap's demo links its initiatives to this session's differentiators and
 * problem statements, so its listener runs after this one.
 */
@Component
class SessionDemoListener {

    /** Before the demo listeners of modules that link to the session (the roadmap's runs at 200). */
    static final int ORDER = 100;

    private final StrategyDemo demo;
    private final Accounts accounts;
    private final Clock clock;

    SessionDemoListener(StrategyDemo demo, Accounts accounts, Clock clock) {
        this.demo = demo;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    @Order(ORDER)
    void on(DemoWorkspaceSeeded seeded) {
        seeded.products().stream().filter(p -> p.key().equals("atlas")).findFirst().ifPresent(atlas -> demo.seed(
                seeded.workspaceId(), atlas.productId(),
                participant(seeded.people().get("OWNER")),
                participant(seeded.people().get("EDITOR")),
                participant(seeded.people().get("CONTRIBUTOR")),
                LocalDate.now(clock).minusWeeks(3)));
    }

    private Participant participant(long userId) {
        return new Participant(userId, accounts.find(userId).displayName());
    }
}
