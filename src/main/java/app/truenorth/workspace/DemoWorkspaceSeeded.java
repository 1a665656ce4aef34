package app.truenorth.workspace;

import java.util.List;

/**
 * Published once when {@code ./truenorth start --demo} has created the sample workspace. Each module
 * listens and adds its own realistic sample data for these products, so the demo grows with the product.
 *
 * @param people user ids by role name (OWNER, EDITOR, CONTRIBUTOR, VIEWER)
 */
public record DemoWorkspaceSeeded(long workspaceId, long ownerId, java.util.Map<String, Long> people,
        List<DemoProduct> products) {

    /** A sample product; {@code key} is a stable name modules can switch on ("atlas", "beacon"). */
    public record DemoProduct(String key, long productId, String name) {
    }
}
