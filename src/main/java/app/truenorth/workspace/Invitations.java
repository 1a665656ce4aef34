package app.truenorth.workspace;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.SecretHasher;
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
 * Invitation links: the inviter picks the role; the link carries a 256-bit secret that is stored
 * hashed, works once, expires after {@link #VALID_FOR} and can be revoked.
 */
@Service
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String PREFIX = "inv_";

    private final JdbcClient jdbc;
    private final Workspaces workspaces;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    Invitations(JdbcClient jdbc, Workspaces workspaces, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A pending (or used) invitation, never with its secret. */
    public record Invitation(long id, long workspaceId, Role role, String note, String invitedBy, OffsetDateTime createdAt,
            OffsetDateTime expiresAt, OffsetDateTime acceptedAt, OffsetDateTime revokedAt) {

        public boolean usable(OffsetDateTime now) {
            return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A fresh invitation and its secret, which is shown to the inviter once and never again. */
    public record Created(Invitation invitation, String secret) {
    }

    /** What the invitee sees before accepting. */
    public record Preview(long id, long workspaceId, String workspaceName, Role role, String invitedBy) {
    }

    @Transactional
    public Created create(long workspaceId, long inviterId, Role role, String note) {
        String secret = SecretHasher.newSecret(PREFIX);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into invitation (workspace_id, token_hash, role, note, created_by, created_at, expires_at)
                values (:ws, :hash, :role, :note, :by, :now, :expires)""")
                .param("ws", workspaceId)
                .param("hash", SecretHasher.hash(secret))
                .param("role", role.name())
                .param("note", note == null ? "" : note.trim())
                .param("by", inviterId)
                .param("now", now)
                .param("expires", now.plus(VALID_FOR))
                .update(keys, "id");
        Invitation invitation = get(workspaceId, keys.getKey().longValue());
        audit.record(workspaceId, "invitation", invitation.id(), "created",
                "Invited a new " + role.label().toLowerCase() + (invitation.note().isEmpty() ? "" : " (" + invitation.note() + ")"),
                null, invitation);
        return new Created(invitation, secret);
    }

    public List<Invitation> pending(long workspaceId) {
        return jdbc.sql(SELECT + " where i.workspace_id = :ws and i.accepted_at is null and i.revoked_at is null "
                        + "and i.expires_at > :now order by i.created_at desc")
                .param("ws", workspaceId).param("now", OffsetDateTime.now(clock))
                .query((rs, i) -> map(rs)).list();
    }

    public Invitation get(long workspaceId, long id) {
        return jdbc.sql(SELECT + " where i.workspace_id = :ws and i.id = :id")
                .param("ws", workspaceId).param("id", id)
                .query((rs, i) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Invitation"));
    }

    @Transactional
    public void revoke(long workspaceId, long id) {
        Invitation before = get(workspaceId, id);
        int rows = jdbc.sql("update invitation set revoked_at = :now where id = :id and workspace_id = :ws "
                        + "and revoked_at is null and accepted_at is null")
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("ws", workspaceId).update();
        if (rows == 0) {
            throw new ConflictException("This invitation was already used or revoked.");
        }
        audit.record(workspaceId, "invitation", id, "revoked", "Revoked an invitation for a " + before.role().label().toLowerCase(),
                before, get(workspaceId, id));
    }

    /** The invitation behind a link, if the link is still usable. */
    public Optional<Preview> preview(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select i.id, i.workspace_id, w.name, i.role, u.display_name
                from invitation i join workspace w on w.id = i.workspace_id join app_user u on u.id = i.created_by
                where i.token_hash = :hash and i.accepted_at is null and i.revoked_at is null and i.expires_at > :now""")
                .param("hash", SecretHasher.hash(secret)).param("now", OffsetDateTime.now(clock))
                .query((rs, i) -> new Preview(rs.getLong(1), rs.getLong(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .optional();
    }

    /** Creates the invitee's account and joins them to the workspace, in one transaction. */
    @Transactional
    public Accounts.User acceptAsNewUser(String secret, String email, String displayName, String password) {
        Preview preview = preview(secret).orElseThrow(Invitations::unusable);
        Accounts.User user = accounts.createUser(email, displayName, password);
        join(preview, user);
        return user;
    }

    /** Joins an existing, signed-in user to the invitation's workspace. */
    @Transactional
    public Preview acceptAsExistingUser(String secret, long userId) {
        Preview preview = preview(secret).orElseThrow(Invitations::unusable);
        if (workspaces.isMember(preview.workspaceId(), userId)) {
            throw new ConflictException("You are already a member of " + preview.workspaceName() + ".");
        }
        join(preview, accounts.find(userId));
        return preview;
    }

    private void join(Preview preview, Accounts.User user) {
        // the update is the guard against two people using one link at the same moment
        int rows = jdbc.sql("update invitation set accepted_at = :now, accepted_by = :user where id = :id and accepted_at is null "
                        + "and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("user", user.id()).param("id", preview.id()).update();
        if (rows == 0) {
            throw unusable();
        }
        workspaces.addMember(preview.workspaceId(), user.id(), preview.role());
        audit.record(preview.workspaceId(), "member", user.id(), "joined",
                user.displayName() + " joined as " + preview.role().label().toLowerCase() + " (invited by " + preview.invitedBy() + ")",
                null, workspaces.member(preview.workspaceId(), user.id()));
    }

    private static ConflictException unusable() {
        return new ConflictException("This invitation link has expired, was revoked or was already used. Ask for a new one.");
    }

    private static final String SELECT = """
            select i.id, i.workspace_id, i.role, i.note, u.display_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
            from invitation i join app_user u on u.id = i.created_by""";

    private static Invitation map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Invitation(rs.getLong(1), rs.getLong(2), Role.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class));
    }
}
