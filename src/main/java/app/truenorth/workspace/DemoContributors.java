package app.truenorth.workspace;

import app.truenorth.platform.DependencyOrder;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Every module's {@link DemoContributor}, in an order where each runs after the ones it needs (ties by
 * name, so every start runs them alike). The order is settled when the application starts: contributors
 * that need each other in a circle, or need one that does not exist, stop it there.
 */
@Service
public class DemoContributors {

    private final List<DemoContributor> ordered;

    DemoContributors(List<DemoContributor> contributors) {
        this.ordered = DependencyOrder.sort("demo contributor", contributors, DemoContributor::name, DemoContributor::needs);
    }

    /** Their names, in the order they run. */
    public List<String> order() {
        return ordered.stream().map(DemoContributor::name).toList();
    }

    /**
     * Runs every contributor for this demo workspace, in order, on the caller's thread and in the caller's
     * transaction and security context (the seeder's: as the demo's owner).
     */
    public void contribute(DemoWorkspace demo) {
        ordered.forEach(c -> c.contribute(demo));
    }
}
