package app.truenorth.session;

import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.DemoContributor;
import app.truenorth.workspace.DemoWorkspace;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Adds a strategy session three weeks in to the demo's main product: positioning through market sizing
 * signed off by two approvers, the roadmap-planning phase open with draft initiatives. Needs no other
 * module's sample data; the roadmap links its initiatives to this session's differentiators and problem
 * statements, so it names this one as a need.
 */
@Component
class SessionDemoContributor implements DemoContributor {

    private final StrategyDemo demo;
    private final Accounts accounts;
    private final Clock clock;

    SessionDemoContributor(StrategyDemo demo, Accounts accounts, Clock clock) {
        this.demo = demo;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "session";
    }

    @Override
    public void contribute(DemoWorkspace seeded) {
        seeded.product("atlas").ifPresent(atlas -> demo.seed(
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
