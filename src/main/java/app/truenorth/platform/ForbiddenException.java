package app.truenorth.platform;

/** The caller may see the thing but their role does not allow this change: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
