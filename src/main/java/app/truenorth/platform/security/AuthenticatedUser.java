package app.truenorth.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Who is calling. Kept small because it is serialised into the shared session table; roles are not
 * cached here but read per request, so a removed member loses access at once.
 *
 * @param tokenWorkspaceId set when the caller used an API token: the token only reaches that workspace
 */
public record AuthenticatedUser(long id, String email, String displayName, String passwordHash, Long tokenWorkspaceId)
        implements UserDetails, CredentialsContainer {

    private static final List<GrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

    public static AuthenticatedUser forToken(long id, String email, String displayName, long workspaceId) {
        return new AuthenticatedUser(id, email, displayName, null, workspaceId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return USER;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        // records are immutable; the hash is dropped by replacing the principal (see withoutPassword)
    }

    public AuthenticatedUser withoutPassword() {
        return new AuthenticatedUser(id, email, displayName, null, tokenWorkspaceId);
    }

    public boolean viaToken() {
        return tokenWorkspaceId != null;
    }
}
