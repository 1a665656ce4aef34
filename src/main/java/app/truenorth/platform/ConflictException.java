package app.truenorth.platform;

/**
 * Someone else changed the thing since the caller read it (optimistic concurrency), or the change
 * collides with existing state: 409, or 412 when the stale version came in an If-Match header.
 */
public class ConflictException extends RuntimeException {

    private final boolean preconditionFailed;

    public ConflictException(String message) {
        this(message, false);
    }

    private ConflictException(String message, boolean preconditionFailed) {
        super(message);
        this.preconditionFailed = preconditionFailed;
    }

    public static ConflictException staleVersion(String what) {
        return new ConflictException(what + " was changed by someone else since you loaded it. "
                + "Reload to see their change, then apply yours again.");
    }

    /** The same conflict, reported as 412 because the client sent its version as If-Match. */
    public ConflictException asPreconditionFailed() {
        return new ConflictException(getMessage(), true);
    }

    public boolean preconditionFailed() {
        return preconditionFailed;
    }
}
