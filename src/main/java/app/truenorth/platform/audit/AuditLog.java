package app.truenorth.platform.audit;

import app.truenorth.platform.security.Callers;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail every module writes to, inside the transaction of the change itself, so a change
 * and its record land together or not at all. Before and after are stored as JSON of the records the
 * module passes in (its own DTOs, never secrets).
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change made by the current caller (or by "system" when there is none, e.g. seeding).
     *
     * @param before the state before, or null for a creation
     * @param after  the state after, or null for a deletion
     */
    public void record(long workspaceId, String entityType, Object entityId, String action, String summary,
            Object before, Object after) {
        var caller = Callers.find();
        jdbc.sql("""
                insert into audit_event (workspace_id, actor_id, actor_name, entity_type, entity_id, action, summary,
                                         before_json, after_json, at)
                values (:ws, :actor, :actorName, :type, :id, :action, :summary, :before, :after, :at)""")
                .param("ws", workspaceId)
                .param("actor", caller.map(c -> c.id()).orElse(null))
                .param("actorName", caller.map(c -> c.displayName()).orElse("system"))
                .param("type", entityType)
                .param("id", String.valueOf(entityId))
                .param("action", action)
                .param("summary", truncate(summary, 500))
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("at", OffsetDateTime.now(clock))
                .update();
    }

    /** The newest entries of a workspace, optionally for one entity type, newest first. */
    public List<AuditEntry> recent(long workspaceId, String entityType, int limit) {
        return jdbc.sql("""
                select id, actor_name, entity_type, entity_id, action, summary, before_json, after_json, at
                from audit_event
                where workspace_id = :ws and (:type = '' or entity_type = :type)
                order by at desc, id desc
                limit :limit""")
                .param("ws", workspaceId)
                .param("type", entityType == null ? "" : entityType)
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getString("actor_name"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                        rs.getString("summary"), rs.getString("before_json"), rs.getString("after_json"),
                        rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
