package app.truenorth.platform.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the authenticated caller of the current request. */
public final class Callers {

    private Callers() {
    }

    public static Optional<AuthenticatedUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return auth.getPrincipal() instanceof AuthenticatedUser user ? Optional.of(user) : Optional.empty();
    }

    /** The caller; pages and endpoints behind authentication can rely on one being there. */
    public static AuthenticatedUser current() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }
}
