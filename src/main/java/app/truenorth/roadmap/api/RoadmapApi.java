package app.truenorth.roadmap.api;

import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.RoadmapSettings;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.domain.ScoringMethod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of a product's roadmap as a whole: its settings (scoring method, review cadence) and its
 * reviews. The pieces have their own controllers under the same path ({@link ThemeApi}, {@link ObjectiveApi},
 * {@link InitiativeApi}, {@link DependencyApi}, {@link RiskApi}, {@link DecisionApi}, {@link SnapshotApi},
 * {@link RoadmapAnalysisApi}). Updates and deletes name the version they read, as If-Match (the ETag) or
 * a {@code version} field / query parameter ({@link app.truenorth.platform.web.VersionedWrite}): a stale
 * one is refused with 412 (If-Match) or 409, none at all with 428, and nothing is overwritten.
 */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class RoadmapApi {

    private final Roadmaps roadmaps;

    RoadmapApi(Roadmaps roadmaps) {
        this.roadmaps = roadmaps;
    }

    record SettingsBody(ScoringMethod scoringMethod, Integer reviewCadenceDays, Integer version) {
    }

    record SettingsView(long id, long productId, ScoringMethod scoringMethod, int reviewCadenceDays, LocalDate lastReviewedOn,
            LocalDate nextReviewDue, int version) {

        static SettingsView of(RoadmapSettings s) {
            return new SettingsView(s.id(), s.productId(), s.scoringMethod(), s.reviewCadenceDays(), s.lastReviewedOn(),
                    s.nextReviewDue(), s.version());
        }
    }

    @GetMapping
    @Operation(summary = "The roadmap's settings: scoring method, review cadence, last review")
    ResponseEntity<SettingsView> settings(@PathVariable long productId) {
        RoadmapSettings s = roadmaps.settings(productId);
        return ResponseEntity.ok().eTag(Versioned.etag(s.id(), s.version())).body(SettingsView.of(s));
    }

    @PutMapping
    @Operation(summary = "Change the scoring method or review cadence (editor)")
    ResponseEntity<SettingsView> updateSettings(@PathVariable long productId, @RequestBody SettingsBody body,
            VersionedWrite write) {
        long id = roadmaps.settings(productId).id();
        RoadmapSettings s = write.run(id, body.version(), v -> roadmaps.updateSettings(productId,
                new RoadmapInputs.SettingsInput(body.scoringMethod(), body.reviewCadenceDays() == null ? 0 : body.reviewCadenceDays()), v));
        return ResponseEntity.ok().eTag(Versioned.etag(s.id(), s.version())).body(SettingsView.of(s));
    }

    @PostMapping("/reviews")
    @Operation(summary = "Record that the roadmap was reviewed today (editor)")
    ResponseEntity<SettingsView> reviewed(@PathVariable long productId, @RequestBody SettingsBody body, VersionedWrite write) {
        long id = roadmaps.settings(productId).id();
        RoadmapSettings s = write.run(id, body.version(), v -> roadmaps.markReviewed(productId, v));
        return ResponseEntity.ok().eTag(Versioned.etag(s.id(), s.version())).body(SettingsView.of(s));
    }
}
