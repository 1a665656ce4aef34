package app.truenorth.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sample workspace of {@code ./truenorth start --demo} once this module has made it: its people and
 * products. The {@link DemoContributor}s of the other modules add their own sample data to it.
 *
 * @param people user ids by role name (OWNER, EDITOR, CONTRIBUTOR, VIEWER)
 */
public record DemoWorkspace(long workspaceId, long ownerId, Map<String, Long> people, List<DemoProduct> products) {

    /** A sample product; {@code key} is a stable name contributors can look for ("atlas", "beacon"). */
    public record DemoProduct(String key, long productId, String name) {
    }

    /** The sample product of this key, if the demo has it. */
    public Optional<DemoProduct> product(String key) {
        return products.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
