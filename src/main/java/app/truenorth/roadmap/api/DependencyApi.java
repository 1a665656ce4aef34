package app.truenorth.roadmap.api;

import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.roadmap.Dependencies;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.ExternalKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of a roadmap's dependencies: between initiatives, and on external teams or technologies. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class DependencyApi {

    private final Roadmaps roadmaps;
    private final Dependencies dependencies;

    DependencyApi(Roadmaps roadmaps, Dependencies dependencies) {
        this.roadmaps = roadmaps;
        this.dependencies = dependencies;
    }

    record DependencyBody(Long dependentId, Long requiredId, ExternalKind externalKind, String externalName, String note) {
    }

    record DependencyView(long id, long dependentId, Long requiredId, ExternalKind externalKind, String externalName, String note,
            int version) {

        static DependencyView of(Stored<Dependency> s) {
            Dependency d = s.value();
            return new DependencyView(d.id(), d.dependentId(), d.requiredId(), d.externalKind(), d.externalName(), d.note(),
                    s.version());
        }
    }

    @GetMapping("/dependencies")
    @Operation(summary = "Dependencies between initiatives and on external teams or technologies")
    List<DependencyView> dependencies(@PathVariable long productId) {
        return roadmaps.load(productId).dependencies().stream().map(DependencyView::of).toList();
    }

    @PostMapping("/dependencies")
    @Operation(summary = "Add a dependency (editor); one that would close a cycle is refused and the cycle named")
    ResponseEntity<DependencyView> addDependency(@PathVariable long productId, @RequestBody DependencyBody body) {
        Stored<Dependency> d = dependencies.add(productId, new RoadmapInputs.DependencyInput(body.dependentId(),
                body.requiredId(), body.externalKind(), body.externalName(), body.note()));
        return ApiWrites.created(productId, "dependencies", d.value().id(), d.version(), DependencyView.of(d));
    }

    @DeleteMapping("/dependencies/{dependencyId}")
    @Operation(summary = "Remove a dependency (editor)")
    ResponseEntity<Void> removeDependency(@PathVariable long productId, @PathVariable long dependencyId,
            VersionedWrite write, @RequestParam(required = false) Integer version) {
        write.run(dependencyId, version, v -> {
            dependencies.remove(productId, dependencyId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
