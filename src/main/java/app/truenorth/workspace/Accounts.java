package app.truenorth.workspace;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.AuthenticatedUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People who can sign in: first-run setup, sign-in lookup, password changes. */
@Service
public class Accounts implements UserDetailsService {

    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Workspaces workspaces;
    private final WorkspaceAccess access;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, Workspaces workspaces, WorkspaceAccess access, AuditLog audit,
            Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    public record User(long id, String email, String displayName, OffsetDateTime createdAt) {
    }

    /** True until the first user exists. */
    public boolean setupNeeded() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single() == 0;
    }

    /**
     * Creates the first user as owner of a new workspace. Refused once done, including when two
     * browsers race through setup at the same time.
     */
    @Transactional
    public User setUp(String email, String displayName, String password, String workspaceName) {
        if (!setupNeeded()) {
            throw new ConflictException("TrueNorth is already set up. Sign in instead.");
        }
        try {
            jdbc.sql("insert into instance_setup (id, done_at) values (1, :now)").param("now", now()).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("TrueNorth is already set up. Sign in instead.");
        }
        User user = createUser(email, displayName, password);
        workspaces.create(workspaceName, user.id());
        return user;
    }

    /** A new user, e.g. someone accepting an invitation. */
    @Transactional
    public User createUser(String email, String displayName, String password) {
        checkPassword("password", password);
        String normalised = normaliseEmail(email);
        if (findByEmail(normalised).isPresent()) {
            throw new InvalidInputException("email", "An account with this email already exists. Sign in instead.");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into app_user (email, display_name, password_hash, created_at)
                    values (:email, :name, :hash, :now)""")
                    .param("email", normalised)
                    .param("name", displayName.trim())
                    .param("hash", encoder.encode(password))
                    .param("now", now())
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("email", "An account with this email already exists. Sign in instead.");
        }
        return find(keys.getKey().longValue());
    }

    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword) {
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", userId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("User"));
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "This is not your current password.");
        }
        checkPassword("newPassword", newPassword);
        if (encoder.matches(newPassword, hash)) {
            throw new InvalidInputException("newPassword", "Choose a password different from the current one.");
        }
        jdbc.sql("update app_user set password_hash = :hash, version = version + 1 where id = :id")
                .param("hash", encoder.encode(newPassword)).param("id", userId).update();
        User user = find(userId);
        for (var m : access.memberships(userId)) {
            audit.record(m.workspaceId(), "user", userId, "password-changed", user.displayName() + " changed their password",
                    null, null);
        }
    }

    public User find(long id) {
        return jdbc.sql("select id, email, display_name, created_at from app_user where id = :id")
                .param("id", id)
                .query((rs, i) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .optional()
                .orElseThrow(() -> new NotFoundException("User"));
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select id, email, display_name, created_at from app_user where email = :email")
                .param("email", normaliseEmail(email))
                .query((rs, i) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .optional();
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        return jdbc.sql("select id, email, display_name, password_hash from app_user where email = :email")
                .param("email", normaliseEmail(username))
                .query((rs, i) -> new AuthenticatedUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), null))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(field, "Use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException(field, "Use at most " + MAX_PASSWORD_BYTES + " bytes (about 72 letters).");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
