package app.truenorth.transfer.web;

import app.truenorth.transfer.WorkspaceBackups;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The workspace backup download, for owners: from the browser and over the API with an owner's token. */
@Controller
class BackupController {

    private final WorkspaceBackups backups;

    BackupController(WorkspaceBackups backups) {
        this.backups = backups;
    }

    @GetMapping({"/workspace/backup.json", "/api/v1/workspace/backup"})
    ResponseEntity<byte[]> download() {
        WorkspaceBackups.Backup backup = backups.backupCurrentWorkspace();
        backups.recordBackup(backup.workspaceName());
        String name = "truenorth-backup-" + LocalDate.now() + ".json";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(backup.json().getBytes(StandardCharsets.UTF_8));
    }
}
