package app.truenorth.transfer;

import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.cluster.ChangeSignals;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of the caller's workspace (owners only), and the restore of one into an empty instance at
 * start-up: {@code TRUENORTH_RESTORE_FROM=backup.json ./truenorth start --data new-folder}. A restore is
 * not offered over the web: an empty instance has nobody signed in to ask.
 */
@Service
public class WorkspaceBackups {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceBackups.class);

    private final WorkspaceAccess access;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String restoreFrom;
    private final ChangeSignals signals;

    WorkspaceBackups(WorkspaceAccess access, JdbcTemplate jdbc, DataSource dataSource, JsonMapper json, AuditLog audit, Clock clock,
            TransactionTemplate tx, @Value("${truenorth.restore-from:}") String restoreFrom, ChangeSignals signals) {
        this.signals = signals;
        this.access = access;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.restoreFrom = restoreFrom;
    }

    public record Backup(String workspaceName, String json) {
    }

    /** The caller's current workspace, whole, as JSON; owners only, since it holds every member's account. */
    @Transactional(readOnly = true)
    public Backup backupCurrentWorkspace() {
        var workspace = access.require(Permission.ADMIN);
        Map<String, Object> document = WorkspaceBackup.export(jdbc, workspace.workspaceId(), OffsetDateTime.now(clock));
        return new Backup(workspace.workspaceName(), json.writeValueAsString(document));
    }

    /** Records who took a backup (after it is read, so the backup does not contain its own audit record). */
    @Transactional
    public void recordBackup(String workspaceName) {
        var workspace = access.require(Permission.ADMIN);
        audit.record(workspace.workspaceId(), "workspace", workspace.workspaceId(), "backed up",
                "Downloaded a full backup of " + workspaceName, null, null);
    }

    /** Restores a backup into this instance, which must be empty; all or nothing. */
    public Map<String, Integer> restore(String text) {
        return tx.execute(status -> {
            Map<String, Integer> rows = WorkspaceBackup.restore(jdbc, dataSource, json, text);
            // rows written behind every service's back: no node may keep what it read before
            signals.changedEverything();
            return rows;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void restoreIfRequested() throws java.io.IOException {
        if (restoreFrom == null || restoreFrom.isBlank()) {
            return;
        }
        Map<String, Integer> rows = restore(Files.readString(Path.of(restoreFrom)));
        log.info("Restored {} rows from {}: {}", rows.values().stream().mapToInt(Integer::intValue).sum(), restoreFrom, rows);
    }
}
