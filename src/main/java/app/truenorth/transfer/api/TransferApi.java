package app.truenorth.transfer.api;

import app.truenorth.health.AntiGoals;
import app.truenorth.health.Dismissals;
import app.truenorth.health.Health;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.Problems;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.transfer.ImportFormat;
import app.truenorth.transfer.Imports;
import app.truenorth.transfer.RoadmapJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roadmap imports and the roadmap file: what {@code truenorth push} and {@code truenorth pull} call. The
 * request body of an import is the file itself (CSV or JSON text).
 */
@RestController
@Tag(name = "Transfer", description = "Imports from Jira, Linear, Roadmunk and TrueNorth JSON; the roadmap as a file")
@SecurityRequirement(name = "bearer")
class TransferApi {

    private final Imports imports;
    private final Roadmaps roadmaps;
    private final AntiGoals antiGoals;
    private final Health health;
    private final Dismissals dismissals;

    TransferApi(Imports imports, Roadmaps roadmaps, AntiGoals antiGoals, Health health, Dismissals dismissals) {
        this.imports = imports;
        this.roadmaps = roadmaps;
        this.antiGoals = antiGoals;
        this.health = health;
        this.dismissals = dismissals;
    }

    @PostMapping("/api/v1/products/{productId}/imports")
    @Operation(summary = "Check (dryRun=true, the default) or run an import; all or nothing unless skipRejected=true",
            description = "Formats: jira-csv, linear-csv, roadmunk-csv, truenorth-json. A run with rejected rows and "
                    + "skipRejected=false writes nothing and answers 400 with one error per rejected row (field \"line N: column\").")
    Imports.Report importFile(@PathVariable long productId, @RequestParam String format,
            @RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(defaultValue = "false") boolean skipRejected,
            @RequestBody(required = false) String body) {
        ImportFormat parsed = ImportFormat.parse(format).orElseThrow(() -> new InvalidInputException("format",
                "must be one of " + String.join(", ", Arrays.stream(ImportFormat.values()).map(ImportFormat::code).toList())));
        Imports.Report report = imports.run(productId, parsed, body, !dryRun, skipRejected, null);
        if (!dryRun && !report.written()) {
            Problems problems = new Problems();
            for (Imports.RowReport row : report.rejectedRows()) {
                for (var problem : row.problems()) {
                    problems.append("line " + row.line() + ": " + problem.field(), problem.message());
                }
            }
            problems.throwIfAny();
        }
        return report;
    }

    @GetMapping("/api/v1/products/{productId}/roadmap-file")
    @Operation(summary = "The roadmap as a TrueNorth roadmap file (format truenorth-roadmap, version 1), with the health "
            + "thresholds, anti-goals and dismissed anti-goal findings it is judged by, so truenorth lint finds offline what the server finds")
    ResponseEntity<RoadmapJson.Document> roadmapFile(@PathVariable long productId) {
        List<RoadmapJson.DismissalEntry> dismissed = dismissals.list(productId).stream().filter(Dismissals.StoredDismissal::holds)
                .map(d -> new RoadmapJson.DismissalEntry(d.antiGoal(), d.initiativeTitle(), d.reason(), d.textsFingerprint())).toList();
        RoadmapJson.Document document = RoadmapJson.of(roadmaps.load(productId), health.thresholds(productId).thresholds(),
                antiGoals.texts(productId), dismissed);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roadmap.json\"").body(document);
    }
}
