package app.truenorth.health.api;

import app.truenorth.health.TextIndexRebuilds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilding the text index (the search and similarity index derived from the database) as a workspace
 * owner: start it, then poll its progress. What {@code truenorth reindex} calls.
 */
@RestController
@Tag(name = "Text index", description = "Rebuild the text index from the database (owners), and follow the rebuild")
@SecurityRequirement(name = "bearer")
class TextIndexApi {

    private final TextIndexRebuilds rebuilds;

    TextIndexApi(TextIndexRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/v1/workspace/text-index/rebuild")
    @Operation(summary = "Start a rebuild of the text index from the database (owner); 202 with the job to poll")
    ResponseEntity<TextIndexRebuilds.Status> rebuild() {
        TextIndexRebuilds.Status status = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/v1/workspace/text-index/rebuild/" + status.id())).body(status);
    }

    @GetMapping("/api/v1/workspace/text-index/rebuild/{reindexJobId}")
    @Operation(summary = "A rebuild you started: state (WAITING, RUNNING, DONE, FAILED), percent and the current step")
    TextIndexRebuilds.Status rebuild(@PathVariable String reindexJobId) {
        return rebuilds.status(reindexJobId);
    }
}
