package app.truenorth.workspace;

import java.util.EnumSet;
import java.util.Set;

/** A member's role in a workspace. */
public enum Role {
    OWNER("Owner", "Everything, including members and invitations.",
            EnumSet.allOf(Permission.class)),
    EDITOR("Editor", "Edits products, strategy sessions and roadmaps.",
            EnumSet.of(Permission.READ, Permission.CONTRIBUTE, Permission.EDIT)),
    CONTRIBUTOR("Contributor", "Reads everything; writes check-ins and feedback only.",
            EnumSet.of(Permission.READ, Permission.CONTRIBUTE)),
    VIEWER("Viewer", "Reads everything, changes nothing.",
            EnumSet.of(Permission.READ));

    private final String label;
    private final String description;
    private final Set<Permission> permissions;

    Role(String label, String description, Set<Permission> permissions) {
        this.label = label;
        this.description = description;
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
