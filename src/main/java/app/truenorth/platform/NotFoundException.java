package app.truenorth.platform;

/**
 * The thing asked for does not exist, or exists in a workspace the caller is not a member of: both
 * answer 404 so that ids of other workspaces cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
