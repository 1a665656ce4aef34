package app.truenorth.platform;

/**
 * Someone else changed the thing since the caller read it (optimistic concurrency), or the change
 * collides with existing state: 409, or 412 when the stale version came in an If-Match header.
 */
public class ConflictException extends RuntimeException {

    private final boolean preconditionFailed;
    private final boolean stale;

    public ConflictException(String message) {
        this(message, false, false);
    }

    private ConflictException(String message, boolean preconditionFailed, boolean stale) {
        super(message);
        this.preconditionFailed = preconditionFailed;
        this.stale = stale;
    }

    public static ConflictException staleVersion(String what) {
        return new ConflictException(what + " was changed by someone else since you loaded it. "
                + "Reload to see their change, then apply yours again.", false, true);
    }

    /** The same conflict, reported as 412 because the client sent its version as If-Match. */
    public ConflictException asPreconditionFailed() {
        return new ConflictException(getMessage(), true, stale);
    }

    /**
     * True when the version the caller named is not the current one ({@link #staleVersion}), as opposed to
     * a change the current state does not allow (a locked phase): only the first fails an If-Match.
     */
    public boolean stale() {
        return stale;
    }

    public boolean preconditionFailed() {
        return preconditionFailed;
    }
}
