package app.truenorth.platform.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in that refuses to even check a password while the account or address is locked. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var locked = throttle.lockedFor(account, address);
        if (locked.isPresent()) {
            throw new LoginThrottledException(locked.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(account);
            // keep the password hash out of the session store
            AuthenticatedUser user = ((AuthenticatedUser) result.getPrincipal()).withoutPassword();
            var clean = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            clean.setDetails(result.getDetails());
            return clean;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(account, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    static final class LoginThrottledException extends AuthenticationException {

        private final Duration wait;

        LoginThrottledException(Duration wait) {
            super("Too many failed sign-in attempts");
            this.wait = wait;
        }

        long waitSeconds() {
            return Math.max(1, wait.toSeconds());
        }
    }
}
