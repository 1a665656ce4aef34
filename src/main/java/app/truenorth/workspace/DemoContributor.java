package app.truenorth.workspace;

import java.util.Set;

/**
 * A module's part of the demo workspace: each module that has sample data declares one bean of this type.
 * {@link DemoContributors} runs them in the seeding transaction, as the demo's owner, each after the ones it
 * {@link #needs} (no numbers to keep in step across modules); a cycle or an unknown name stops the start.
 */
public interface DemoContributor {

    /** The name others use to say they need this one's data: the contributing module's name. */
    String name();

    /** The contributors whose sample data this one builds on (their names); none by default. */
    default Set<String> needs() {
        return Set.of();
    }

    /** Adds this module's sample data to the demo workspace, through the module's own services. */
    void contribute(DemoWorkspace demo);
}
