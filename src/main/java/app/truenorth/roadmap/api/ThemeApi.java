package app.truenorth.roadmap.api;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.web.VersionedWrite;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.Themes;
import app.truenorth.roadmap.domain.Theme;
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

/** REST API of a roadmap's themes. */
@RestController
@RequestMapping("/api/v1/products/{productId}/roadmap")
@Tag(name = "Roadmap", description = "Themes, objectives, initiatives, dependencies, risks, decisions, ranking, analysis and snapshots")
@SecurityRequirement(name = "bearer")
class ThemeApi {

    private final Roadmaps roadmaps;
    private final Themes themes;

    ThemeApi(Roadmaps roadmaps, Themes themes) {
        this.roadmaps = roadmaps;
        this.themes = themes;
    }

    record ThemeBody(String name, String description, Integer version) {
    }

    record ThemeView(long id, String name, String description, int version) {

        static ThemeView of(Stored<Theme> s) {
            return new ThemeView(s.value().id(), s.value().name(), s.value().description(), s.version());
        }
    }

    @GetMapping("/themes")
    @Operation(summary = "Themes, by name")
    List<ThemeView> themes(@PathVariable long productId) {
        return roadmaps.load(productId).themes().stream().map(ThemeView::of).toList();
    }

    @PostMapping("/themes")
    @Operation(summary = "Add a theme (editor)")
    ResponseEntity<ThemeView> createTheme(@PathVariable long productId, @RequestBody ThemeBody body) {
        Stored<Theme> t = themes.create(productId, new RoadmapInputs.ThemeInput(body.name(), body.description()));
        return ApiWrites.created(productId, "themes", t.value().id(), t.version(), ThemeView.of(t));
    }

    @GetMapping("/themes/{themeId}")
    @Operation(summary = "One theme, with its version as ETag")
    ResponseEntity<ThemeView> theme(@PathVariable long productId, @PathVariable long themeId) {
        Stored<Theme> t = roadmaps.load(productId).themes().stream().filter(s -> s.value().id() == themeId).findFirst()
                .orElseThrow(() -> new NotFoundException("Theme"));
        return ResponseEntity.ok().eTag(Versioned.etag(themeId, t.version())).body(ThemeView.of(t));
    }

    @PutMapping("/themes/{themeId}")
    @Operation(summary = "Rename or re-describe a theme (editor)")
    ResponseEntity<ThemeView> updateTheme(@PathVariable long productId, @PathVariable long themeId, @RequestBody ThemeBody body,
            VersionedWrite write) {
        Stored<Theme> t = write.run(themeId, body.version(),
                v -> themes.update(productId, themeId, new RoadmapInputs.ThemeInput(body.name(), body.description()), v));
        return ResponseEntity.ok().eTag(Versioned.etag(themeId, t.version())).body(ThemeView.of(t));
    }

    @DeleteMapping("/themes/{themeId}")
    @Operation(summary = "Delete a theme (editor); its initiatives stay, without a theme")
    ResponseEntity<Void> deleteTheme(@PathVariable long productId, @PathVariable long themeId,
            VersionedWrite write, @RequestParam(required = false) Integer version) {
        write.run(themeId, version, v -> {
            themes.delete(productId, themeId, v);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
