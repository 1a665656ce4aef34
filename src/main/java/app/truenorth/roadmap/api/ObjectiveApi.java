package app.truenorth.roadmap.api;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.roadmap.Objectives;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.Objective;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of a roadmap's objectives. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class ObjectiveApi {

    private final Roadmaps roadmaps;
    private final Objectives objectives;

    ObjectiveApi(Roadmaps roadmaps, Objectives objectives) {
        this.roadmaps = roadmaps;
        this.objectives = objectives;
    }

    record ObjectiveBody(String title, String metric, String unit, Direction direction, BigDecimal baseline, BigDecimal target,
            BigDecimal current, LocalDate due, Integer version) {

        RoadmapInputs.ObjectiveInput input() {
            return new RoadmapInputs.ObjectiveInput(title, metric, unit, direction, baseline, target, current, due);
        }
    }

    record ObjectiveView(long id, String title, String metric, String unit, Direction direction, BigDecimal baseline,
            BigDecimal target, BigDecimal current, LocalDate due, BigDecimal progress, String progressText, int version) {

        static ObjectiveView of(Stored<Objective> s) {
            Objective o = s.value();
            return new ObjectiveView(o.id(), o.title(), o.metric(), o.unit(), o.direction(), o.baseline(), o.target(), o.current(),
                    o.due(), o.progress(), o.describeProgress() + " (" + o.describeShare() + ")", s.version());
        }
    }

    @GetMapping("/objectives")
    @Operation(summary = "Objectives with their progress")
    List<ObjectiveView> objectives(@PathVariable long productId) {
        return roadmaps.load(productId).objectives().stream().map(ObjectiveView::of).toList();
    }

    @PostMapping("/objectives")
    @Operation(summary = "Add an objective (editor); the target must lie in the metric's direction from the baseline")
    ResponseEntity<ObjectiveView> createObjective(@PathVariable long productId, @RequestBody ObjectiveBody body) {
        Stored<Objective> o = objectives.create(productId, body.input());
        return ApiWrites.created(productId, "objectives", o.value().id(), o.version(), ObjectiveView.of(o));
    }

    @GetMapping("/objectives/{objectiveId}")
    @Operation(summary = "One objective, with its version as ETag")
    ResponseEntity<ObjectiveView> objective(@PathVariable long productId, @PathVariable long objectiveId) {
        Stored<Objective> o = roadmaps.load(productId).objectives().stream().filter(s -> s.value().id() == objectiveId).findFirst()
                .orElseThrow(() -> new NotFoundException("Objective"));
        return ResponseEntity.ok().eTag(Versioned.etag(objectiveId, o.version())).body(ObjectiveView.of(o));
    }

    @PutMapping("/objectives/{objectiveId}")
    @Operation(summary = "Change an objective, e.g. its current value (editor)")
    ResponseEntity<ObjectiveView> updateObjective(@PathVariable long productId, @PathVariable long objectiveId,
            @RequestBody ObjectiveBody body, VersionedWrite write) {
        Stored<Objective> o = write.run(objectiveId, body.version(),
                v -> objectives.update(productId, objectiveId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(objectiveId, o.version())).body(ObjectiveView.of(o));
    }

    @DeleteMapping("/objectives/{objectiveId}")
    @Operation(summary = "Delete an objective (editor)")
    ResponseEntity<Void> deleteObjective(@PathVariable long productId, @PathVariable long objectiveId,
            VersionedWrite write, @RequestParam(required = false) Integer version) {
        write.run(objectiveId, version, v -> {
            objectives.delete(productId, objectiveId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
