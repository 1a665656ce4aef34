package app.truenorth.roadmap.domain;

/**
 * "{@code dependentId} needs something first": either another initiative on the roadmap
 * ({@code requiredId}) or an external team or technology ({@code externalKind} and {@code externalName}).
 */
public record Dependency(long id, long dependentId, Long requiredId, ExternalKind externalKind, String externalName,
        String note) {

    public static Dependency between(long id, long dependentId, long requiredId) {
        return new Dependency(id, dependentId, requiredId, null, null, null);
    }

    public static Dependency external(long id, long dependentId, ExternalKind kind, String name) {
        return new Dependency(id, dependentId, null, kind, name, null);
    }

    public boolean isOnInitiative() {
        return requiredId != null;
    }
}
