package app.truenorth.roadmap.api;

import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** REST API of a roadmap's decision log. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class DecisionApi {

    private final Decisions decisions;

    DecisionApi(Decisions decisions) {
        this.decisions = decisions;
    }

    /**
     * A decision as sent. Who decided: {@code decidedByUserId} (a member; {@code decidedBy} may then be left out)
     * or {@code decidedBy} (a name). {@code keyDecision} false and {@code visibility} INTERNAL when left out.
     */
    record DecisionBody(String title, String rationale, LocalDate decidedOn, String decidedBy, Long decidedByUserId,
            Boolean keyDecision, Visibility visibility, List<Long> initiativeIds, List<Long> themeIds, List<Long> objectiveIds,
            Integer version) {

        RoadmapInputs.DecisionInput input() {
            return new RoadmapInputs.DecisionInput(title, rationale, decidedOn, decidedBy, decidedByUserId, keyDecision, visibility,
                    initiativeIds, themeIds, objectiveIds);
        }
    }

    record DecisionView(long id, String title, String rationale, LocalDate decidedOn, String decidedBy, Long decidedByUserId,
            boolean keyDecision, Visibility visibility, List<Long> initiativeIds, List<Long> themeIds, List<Long> objectiveIds,
            int version) {

        static DecisionView of(Stored<Decision> s) {
            Decision d = s.value();
            return new DecisionView(d.id(), d.title(), d.rationale(), d.decidedOn(), d.decidedBy(), d.decidedByUserId(),
                    d.keyDecision(), d.visibility(), d.initiativeIds(), d.themeIds(), d.objectiveIds(), s.version());
        }
    }

    @GetMapping("/decisions")
    @Operation(summary = "The decision log, latest first; optionally only key decisions or those of one visibility",
            description = "The go/no-go decisions of the product's strategy sessions are not in the log: they are the "
                    + "sessions' own (see the session API).")
    List<DecisionView> decisions(@PathVariable long productId, @RequestParam(required = false) Boolean keyDecision,
            @RequestParam(required = false) Visibility visibility) {
        return decisions.list(productId).stream()
                .filter(s -> keyDecision == null || s.value().keyDecision() == keyDecision)
                .filter(s -> visibility == null || s.value().visibility() == visibility)
                .map(DecisionView::of).toList();
    }

    @PostMapping("/decisions")
    @Operation(summary = "Record a decision (editor): what, why, when, who decided, and what it concerns")
    ResponseEntity<DecisionView> createDecision(@PathVariable long productId, @RequestBody DecisionBody body) {
        Stored<Decision> d = decisions.create(productId, body.input());
        return ApiWrites.created(productId, "decisions", d.value().id(), d.version(), DecisionView.of(d));
    }

    @GetMapping("/decisions/{decisionId}")
    @Operation(summary = "One decision, with its version as ETag")
    ResponseEntity<DecisionView> decision(@PathVariable long productId, @PathVariable long decisionId) {
        Stored<Decision> d = decisions.get(productId, decisionId);
        return ResponseEntity.ok().eTag(Versioned.etag(decisionId, d.version())).body(DecisionView.of(d));
    }

    @PutMapping("/decisions/{decisionId}")
    @Operation(summary = "Replace a decision's fields (editor)")
    ResponseEntity<DecisionView> updateDecision(@PathVariable long productId, @PathVariable long decisionId,
            @RequestBody DecisionBody body, VersionedWrite write) {
        Stored<Decision> d = write.run(decisionId, body.version(),
                v -> decisions.update(productId, decisionId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(decisionId, d.version())).body(DecisionView.of(d));
    }

    @DeleteMapping("/decisions/{decisionId}")
    @Operation(summary = "Delete a decision (editor)")
    ResponseEntity<Void> deleteDecision(@PathVariable long productId, @PathVariable long decisionId,
            VersionedWrite write, @RequestParam(required = false) Integer version) {
        write.run(decisionId, version, v -> {
            decisions.delete(productId, decisionId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
