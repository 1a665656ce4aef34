package app.truenorth.roadmap.api;

import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.roadmap.Risks;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Risk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** REST API of a roadmap's risks. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class RiskApi {

    private final Roadmaps roadmaps;
    private final Risks risks;

    RiskApi(Roadmaps roadmaps, Risks risks) {
        this.roadmaps = roadmaps;
        this.risks = risks;
    }

    record RiskBody(Long initiativeId, String title, Integer likelihood, Integer impact, String mitigation, String owner,
            Integer version) {

        RoadmapInputs.RiskInput input() {
            return new RoadmapInputs.RiskInput(initiativeId, title, likelihood, impact, mitigation, owner);
        }
    }

    record RiskView(long id, Long initiativeId, String title, int likelihood, int impact, int exposure, String level,
            String mitigation, String owner, int version) {

        static RiskView of(Stored<Risk> s) {
            Risk r = s.value();
            return new RiskView(r.id(), r.initiativeId(), r.title(), r.likelihood(), r.impact(), r.exposure(), r.level(),
                    r.mitigation(), r.owner(), s.version());
        }
    }

    @GetMapping("/risks")
    @Operation(summary = "Risks, highest exposure first")
    List<RiskView> risks(@PathVariable long productId) {
        return roadmaps.load(productId).risks().stream().map(RiskView::of).toList();
    }

    @PostMapping("/risks")
    @Operation(summary = "Add a risk (editor)")
    ResponseEntity<RiskView> createRisk(@PathVariable long productId, @RequestBody RiskBody body) {
        Stored<Risk> r = risks.create(productId, body.input());
        return ApiWrites.created(productId, "risks", r.value().id(), r.version(), RiskView.of(r));
    }

    @PutMapping("/risks/{riskId}")
    @Operation(summary = "Change a risk (editor)")
    ResponseEntity<RiskView> updateRisk(@PathVariable long productId, @PathVariable long riskId, @RequestBody RiskBody body,
            VersionedWrite write) {
        Stored<Risk> r = write.run(riskId, body.version(), v -> risks.update(productId, riskId, body.input(), v));
        return ResponseEntity.ok().eTag(Versioned.etag(riskId, r.version())).body(RiskView.of(r));
    }

    @DeleteMapping("/risks/{riskId}")
    @Operation(summary = "Delete a risk (editor)")
    ResponseEntity<Void> deleteRisk(@PathVariable long productId, @PathVariable long riskId,
            VersionedWrite write, @RequestParam(required = false) Integer version) {
        write.run(riskId, version, v -> {
            risks.delete(productId, riskId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
