package app.truenorth.workspace;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces and their members. Callers check the caller's role through {@link WorkspaceAccess} first. */
@Service
public class Workspaces {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final WorkspaceAccess access;

    Workspaces(JdbcClient jdbc, AuditLog audit, Clock clock, WorkspaceAccess access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.access = access;
    }

    public record Workspace(long id, String name, int version) {
    }

    public record Member(long userId, String email, String displayName, Role role, OffsetDateTime joinedAt) {
    }

    /** Creates a workspace owned by the given user. */
    @Transactional
    public Workspace create(String name, long ownerId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into workspace (name, created_at) values (:name, :now)")
                .param("name", name.trim()).param("now", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        addMember(id, ownerId, Role.OWNER);
        Workspace workspace = find(id);
        audit.record(id, "workspace", id, "created", "Created workspace " + workspace.name(), null, workspace);
        return workspace;
    }

    @Transactional
    public Workspace rename(long workspaceId, String name, int expectedVersion) {
        Workspace before = find(workspaceId);
        int rows = jdbc.sql("update workspace set name = :name, version = version + 1 where id = :id and version = :v")
                .param("name", name.trim()).param("id", workspaceId).param("v", expectedVersion).update();
        Versioned.requireUpdated(rows, "The workspace");
        access.forgetMemberships();
        Workspace after = find(workspaceId);
        audit.record(workspaceId, "workspace", workspaceId, "renamed",
                "Renamed workspace " + before.name() + " to " + after.name(), before, after);
        return after;
    }

    public Workspace find(long id) {
        return jdbc.sql("select id, name, version from workspace where id = :id").param("id", id)
                .query((rs, i) -> new Workspace(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .optional().orElseThrow(() -> new NotFoundException("Workspace"));
    }

    public List<Member> members(long workspaceId) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, m.role, m.joined_at
                from membership m join app_user u on u.id = m.user_id
                where m.workspace_id = :ws
                order by case m.role when 'OWNER' then 0 when 'EDITOR' then 1 when 'CONTRIBUTOR' then 2 else 3 end,
                         lower(u.display_name)""")
                .param("ws", workspaceId)
                .query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    @Transactional
    public Member changeRole(long workspaceId, long userId, Role role) {
        Member before = member(workspaceId, userId);
        if (before.role() == Role.OWNER && role != Role.OWNER) {
            requireAnotherOwner(workspaceId, userId, "role");
        }
        jdbc.sql("update membership set role = :role where workspace_id = :ws and user_id = :user")
                .param("role", role.name()).param("ws", workspaceId).param("user", userId).update();
        access.forgetMemberships();
        Member after = member(workspaceId, userId);
        audit.record(workspaceId, "member", userId, "role-changed",
                after.displayName() + " is now " + role.label().toLowerCase() + " (was " + before.role().label().toLowerCase() + ")",
                before, after);
        return after;
    }

    @Transactional
    public void removeMember(long workspaceId, long userId) {
        Member before = member(workspaceId, userId);
        if (before.role() == Role.OWNER) {
            requireAnotherOwner(workspaceId, userId, "member");
        }
        jdbc.sql("delete from membership where workspace_id = :ws and user_id = :user")
                .param("ws", workspaceId).param("user", userId).update();
        access.forgetMemberships();
        // their API tokens for this workspace die with the membership
        jdbc.sql("update api_token set revoked_at = :now where workspace_id = :ws and user_id = :user and revoked_at is null")
                .param("now", OffsetDateTime.now(clock)).param("ws", workspaceId).param("user", userId).update();
        audit.record(workspaceId, "member", userId, "removed", "Removed " + before.displayName() + " from the workspace",
                before, null);
    }

    public Member member(long workspaceId, long userId) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, m.role, m.joined_at
                from membership m join app_user u on u.id = m.user_id
                where m.workspace_id = :ws and m.user_id = :user""")
                .param("ws", workspaceId).param("user", userId)
                .query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("Member"));
    }

    /** The workspace the given user owns, for a user who owns exactly one (first-run setup, demo). */
    long ownedWorkspace(long userId) {
        return jdbc.sql("select workspace_id from membership where user_id = :user and role = 'OWNER' order by joined_at")
                .param("user", userId).query(Long.class).list().getFirst();
    }

    void addMember(long workspaceId, long userId, Role role) {
        jdbc.sql("insert into membership (workspace_id, user_id, role, joined_at) values (:ws, :user, :role, :now)")
                .param("ws", workspaceId).param("user", userId).param("role", role.name())
                .param("now", OffsetDateTime.now(clock)).update();
        access.forgetMemberships();
    }

    boolean isMember(long workspaceId, long userId) {
        return jdbc.sql("select count(*) from membership where workspace_id = :ws and user_id = :user")
                .param("ws", workspaceId).param("user", userId).query(Long.class).single() > 0;
    }

    private void requireAnotherOwner(long workspaceId, long userId, String field) {
        long owners = jdbc.sql("select count(*) from membership where workspace_id = :ws and role = 'OWNER' and user_id <> :user")
                .param("ws", workspaceId).param("user", userId).query(Long.class).single();
        if (owners == 0) {
            throw new InvalidInputException(Map.of(field, "A workspace needs at least one owner. Make someone else owner first."));
        }
    }
}
