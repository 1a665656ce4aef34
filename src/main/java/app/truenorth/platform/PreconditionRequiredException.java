package app.truenorth.platform;

/**
 * A write that must name the version it read named none: neither an If-Match header nor a version
 * field. The API answers 428 Precondition Required, so a client can never overwrite a change it has
 * not seen by leaving the version out.
 */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
