package app.truenorth.roadmap.api;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of a roadmap's initiatives, and their moves across horizons and stages. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class InitiativeApi {

    private final Roadmaps roadmaps;
    private final Initiatives initiatives;

    InitiativeApi(Roadmaps roadmaps, Initiatives initiatives) {
        this.roadmaps = roadmaps;
        this.initiatives = initiatives;
    }

    record ScoresBody(BigDecimal reach, BigDecimal impact, Integer iceImpact, Integer iceConfidence, Integer iceEase,
            Integer businessValue, Integer timeCriticality, Integer riskReduction, Integer jobSize, Integer value) {

        ScoreInputs inputs() {
            return new ScoreInputs(reach, impact, iceImpact, iceConfidence, iceEase, businessValue, timeCriticality,
                    riskReduction, jobSize, value);
        }

        static ScoresBody of(ScoreInputs s) {
            return new ScoresBody(s.reach(), s.impact(), s.iceImpact(), s.iceConfidence(), s.iceEase(), s.businessValue(),
                    s.timeCriticality(), s.riskReduction(), s.jobSize(), s.value());
        }
    }

    record InitiativeBody(String title, String description, Long themeId, List<Long> objectiveIds, Horizon horizon, Stage stage,
            String team, BigDecimal effortLow, BigDecimal effortHigh, Integer confidence, String quarter, LocalDate startDate,
            LocalDate endDate, Visibility visibility, LinkKind linkKind, Long linkRef, String linkLabel, ScoresBody scores,
            Integer version) {

        RoadmapInputs.InitiativeInput input() {
            return new RoadmapInputs.InitiativeInput(title, description, themeId, objectiveIds, horizon, stage, team, effortLow,
                    effortHigh, confidence, quarter, startDate, endDate, visibility, linkKind, linkRef, linkLabel,
                    scores == null ? null : scores.inputs());
        }
    }

    record LinkView(LinkKind kind, long referenceId, String label) {
    }

    record InitiativeView(long id, String title, String description, Long themeId, List<Long> objectiveIds, Horizon horizon,
            Stage stage, String team, BigDecimal effortLow, BigDecimal effortHigh, int confidence, String quarter,
            LocalDate startDate, LocalDate endDate, Visibility visibility, LinkView link, ScoresBody scores, int version) {

        static InitiativeView of(Stored<Initiative> s) {
            Initiative i = s.value();
            return new InitiativeView(i.id(), i.title(), i.description(), i.themeId(), i.objectiveIds(), i.horizon(), i.stage(),
                    i.team(), i.effort().low(), i.effort().high(), i.confidence(), i.quarter() == null ? null : i.quarter().toString(),
                    i.startDate(), i.endDate(), i.visibility(),
                    i.link() == null ? null : new LinkView(i.link().kind(), i.link().referenceId(), i.link().label()),
                    ScoresBody.of(i.scores()), s.version());
        }
    }

    record MoveBody(Horizon horizon, Integer version) {
    }

    record StageBody(Stage stage, Integer version) {
    }

    @GetMapping("/initiatives")
    @Operation(summary = "Initiatives, optionally filtered by horizon, stage, theme or visibility")
    List<InitiativeView> initiatives(@PathVariable long productId, @RequestParam(required = false) Horizon horizon,
            @RequestParam(required = false) Stage stage, @RequestParam(required = false) Long themeId,
            @RequestParam(required = false) Visibility visibility) {
        return roadmaps.load(productId).initiatives().stream()
                .filter(s -> horizon == null || s.value().horizon() == horizon)
                .filter(s -> stage == null || s.value().stage() == stage)
                .filter(s -> themeId == null || themeId.equals(s.value().themeId()))
                .filter(s -> visibility == null || s.value().visibility() == visibility)
                .map(InitiativeView::of).toList();
    }

    @PostMapping("/initiatives")
    @Operation(summary = "Add an initiative (editor)")
    ResponseEntity<InitiativeView> createInitiative(@PathVariable long productId, @RequestBody InitiativeBody body) {
        Stored<Initiative> i = initiatives.create(productId, body.input());
        return ApiWrites.created(productId, "initiatives", i.value().id(), i.version(), InitiativeView.of(i));
    }

    @GetMapping("/initiatives/{initiativeId}")
    @Operation(summary = "One initiative, with its version as ETag")
    ResponseEntity<InitiativeView> initiative(@PathVariable long productId, @PathVariable long initiativeId) {
        Stored<Initiative> i = roadmaps.load(productId).initiative(initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @PutMapping("/initiatives/{initiativeId}")
    @Operation(summary = "Replace an initiative's fields (editor)")
    ResponseEntity<InitiativeView> updateInitiative(@PathVariable long productId, @PathVariable long initiativeId,
            @RequestBody InitiativeBody body, VersionedWrite write) {
        Stored<Initiative> i = write.run(initiativeId, body.version(),
                v -> initiatives.update(productId, initiativeId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @PatchMapping("/initiatives/{initiativeId}/horizon")
    @Operation(summary = "Move an initiative to another horizon (editor)")
    ResponseEntity<InitiativeView> move(@PathVariable long productId, @PathVariable long initiativeId, @RequestBody MoveBody body,
            VersionedWrite write) {
        Stored<Initiative> i = write.run(initiativeId, body.version(),
                v -> initiatives.move(productId, initiativeId, body.horizon(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @PatchMapping("/initiatives/{initiativeId}/stage")
    @Operation(summary = "Move an initiative to another stage (editor)")
    ResponseEntity<InitiativeView> stage(@PathVariable long productId, @PathVariable long initiativeId, @RequestBody StageBody body,
            VersionedWrite write) {
        Stored<Initiative> i = write.run(initiativeId, body.version(),
                v -> initiatives.changeStage(productId, initiativeId, body.stage(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(initiativeId, i.version())).body(InitiativeView.of(i));
    }

    @DeleteMapping("/initiatives/{initiativeId}")
    @Operation(summary = "Delete an initiative with its dependencies and risks (editor)")
    ResponseEntity<Void> deleteInitiative(@PathVariable long productId, @PathVariable long initiativeId,
            VersionedWrite write, @RequestParam(required = false) Integer version) {
        write.run(initiativeId, version, v -> {
            initiatives.delete(productId, initiativeId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
