package app.truenorth.workspace;

/** Published when a product is created, for modules that prepare something per product. */
public record ProductCreated(long workspaceId, long productId, String name) {
}
