package app.truenorth.workspace;

/** What a request needs to be allowed to do, checked against the caller's role. */
public enum Permission {
    /** See anything in the workspace. */
    READ,
    /** Write check-ins and feedback. */
    CONTRIBUTE,
    /** Change products, strategy, roadmaps. */
    EDIT,
    /** Manage members, invitations and the workspace itself. */
    ADMIN
}
