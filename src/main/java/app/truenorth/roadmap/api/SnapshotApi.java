package app.truenorth.roadmap.api;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.Snapshots;
import app.truenorth.roadmap.domain.RoadmapDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of a roadmap's snapshots and what changed since one. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class SnapshotApi {

    private final Snapshots snapshots;

    SnapshotApi(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    record SnapshotBody(String name) {
    }

    @GetMapping("/snapshots")
    @Operation(summary = "Saved snapshots, newest first")
    List<Snapshots.SnapshotInfo> snapshots(@PathVariable long productId) {
        return snapshots.list(productId);
    }

    @PostMapping("/snapshots")
    @Operation(summary = "Save the roadmap as it is now under a name (editor)")
    ResponseEntity<Snapshots.SnapshotInfo> takeSnapshot(@PathVariable long productId, @RequestBody SnapshotBody body) {
        Snapshots.SnapshotInfo info = snapshots.take(productId, body.name());
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/roadmap/snapshots/" + info.id())).body(info);
    }

    @GetMapping("/snapshots/{snapshotId}")
    @Operation(summary = "One snapshot with its initiatives as they were")
    Snapshots.Snapshot snapshot(@PathVariable long productId, @PathVariable long snapshotId) {
        return snapshots.get(productId, snapshotId);
    }

    @GetMapping("/diff")
    @Operation(summary = "What changed from one snapshot to another (to=current, or omitted, for the roadmap as it is now)")
    RoadmapDiff diff(@PathVariable long productId, @RequestParam long from, @RequestParam(defaultValue = "current") String to) {
        Long toId = null;
        if (!"current".equals(to)) {
            try {
                toId = Long.parseLong(to);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("to", "must be a snapshot id or 'current'");
            }
        }
        return snapshots.diff(productId, from, toId);
    }
}
