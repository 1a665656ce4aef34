package app.truenorth.platform.security;

import java.util.Optional;

/**
 * Resolves a raw API token from an {@code Authorization: Bearer} header to its owner. Implemented by
 * the workspace module, which owns tokens; declared here so the security chain needs no dependency on it.
 */
public interface TokenAuthenticator {

    Optional<AuthenticatedUser> authenticate(String rawToken);
}
