package app.truenorth.workspace;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.AuthenticatedUser;
import app.truenorth.platform.security.SecretHasher;
import app.truenorth.platform.security.TokenAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API and the CLI. Each belongs to a user and reaches one workspace
 * with that user's role there. The secret is shown once; only its SHA-256 is stored.
 */
@Service
public class ApiTokens implements TokenAuthenticator {

    static final String PREFIX = "tn_";
    /** last_used_at is written at most this often, so busy API clients do not write on every call. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Token(long id, String name, String prefix, long workspaceId, String workspaceName, OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new token and its secret: show the secret once, it cannot be recovered. */
    public record Created(Token token, String secret) {
    }

    @Transactional
    public Created create(long userId, long workspaceId, String name) {
        String secret = SecretHasher.newSecret(PREFIX);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, workspace_id, name, token_hash, prefix, created_at)
                values (:user, :ws, :name, :hash, :prefix, :now)""")
                .param("user", userId).param("ws", workspaceId).param("name", name.trim())
                .param("hash", SecretHasher.hash(secret)).param("prefix", secret.substring(0, PREFIX.length() + 6))
                .param("now", OffsetDateTime.now(clock))
                .update(keys, "id");
        Token token = get(userId, keys.getKey().longValue());
        audit.record(workspaceId, "api-token", token.id(), "created", "Created API token " + token.name(), null, token);
        return new Created(token, secret);
    }

    public List<Token> list(long userId) {
        return jdbc.sql(SELECT + " where t.user_id = :user order by t.revoked_at nulls first, t.created_at desc")
                .param("user", userId).query((rs, i) -> map(rs)).list();
    }

    public Token get(long userId, long id) {
        return jdbc.sql(SELECT + " where t.user_id = :user and t.id = :id")
                .param("user", userId).param("id", id).query((rs, i) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("API token"));
    }

    @Transactional
    public Token revoke(long userId, long id) {
        Token before = get(userId, id);
        jdbc.sql("update api_token set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("user", userId).update();
        Token after = get(userId, id);
        if (before.active()) {
            audit.record(after.workspaceId(), "api-token", id, "revoked", "Revoked API token " + after.name(), before, after);
        }
        return after;
    }

    @Override
    @Transactional
    public Optional<AuthenticatedUser> authenticate(String rawToken) {
        if (rawToken == null || !rawToken.startsWith(PREFIX) || rawToken.length() > 100) {
            return Optional.empty();
        }
        // a token works only while its owner is still a member of its workspace
        var found = jdbc.sql("""
                select t.id, t.last_used_at, u.id, u.email, u.display_name, t.workspace_id
                from api_token t
                join app_user u on u.id = t.user_id
                join membership m on m.user_id = t.user_id and m.workspace_id = t.workspace_id
                where t.token_hash = :hash and t.revoked_at is null""")
                .param("hash", SecretHasher.hash(rawToken))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        AuthenticatedUser.forToken(rs.getLong(3), rs.getString(4), rs.getString(5), rs.getLong(6))})
                .optional();
        found.ifPresent(row -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            OffsetDateTime lastUsed = (OffsetDateTime) row[1];
            if (lastUsed == null || lastUsed.plus(LAST_USED_GRANULARITY).isBefore(now)) {
                jdbc.sql("update api_token set last_used_at = :now where id = :id").param("now", now).param("id", row[0]).update();
            }
        });
        return found.map(row -> (AuthenticatedUser) row[2]);
    }

    private static final String SELECT = """
            select t.id, t.name, t.prefix, t.workspace_id, w.name as workspace_name, t.created_at, t.last_used_at, t.revoked_at
            from api_token t join workspace w on w.id = t.workspace_id""";

    private static Token map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Token(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));
    }
}
