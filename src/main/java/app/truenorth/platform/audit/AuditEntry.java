package app.truenorth.platform.audit;

import java.time.OffsetDateTime;

/** One line of the audit trail. */
public record AuditEntry(long id, String actor, String entityType, String entityId, String action, String summary,
        String beforeJson, String afterJson, OffsetDateTime at) {
}
