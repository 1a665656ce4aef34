package app.truenorth.roadmap.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.render.TimelineSvg;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The five formats of the roadmap over the same data and filter, and the drag-and-drop moves. */
@Controller
class RoadmapFormatsController {

    private final ShellFactory shells;
    private final Roadmaps roadmaps;
    private final Initiatives initiatives;
    private final Clock clock;

    RoadmapFormatsController(ShellFactory shells, Roadmaps roadmaps, Initiatives initiatives, Clock clock) {
        this.shells = shells;
        this.roadmaps = roadmaps;
        this.initiatives = initiatives;
        this.clock = clock;
    }

    @GetMapping("/products/{productId}/roadmap")
    String index(ProductAccess product, HttpServletRequest request, Model model,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String team,
            @RequestParam(required = false) String objective, @RequestParam(required = false) String horizon,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String visibility) {
        return format(product, "horizon", "theme", request, model, theme, team, objective, horizon, stage, visibility);
    }

    @GetMapping("/products/{productId}/roadmap/{format:timeline|horizon|theme|goal|kanban}")
    String format(ProductAccess product, @PathVariable String format,
            @RequestParam(name = "lanes", defaultValue = "theme") String lanes, HttpServletRequest request, Model model,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String team,
            @RequestParam(required = false) String objective, @RequestParam(required = false) String horizon,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String visibility) {
        long productId = product.productId();
        RoadmapData data = roadmaps.load(productId);
        RoadmapFilter filter = RoadmapFilter.of(theme, team, objective, horizon, stage, visibility);
        RoadmapPage page = RoadmapPage.of(productId, data, filter, format, product.can(Permission.EDIT));
        model.addAttribute("shell", shells.product(request, product, "Roadmap · " + product.productName(), "roadmap"));
        model.addAttribute("page", page);
        if (format.equals("timeline")) {
            TimelineSvg.Lanes by = "team".equals(lanes) ? TimelineSvg.Lanes.TEAM : TimelineSvg.Lanes.THEME;
            model.addAttribute("lanes", by.name().toLowerCase());
            model.addAttribute("svg", TimelineSvg.render(data, page.shown(), by, LocalDate.now(clock),
                    "/products/" + productId + "/roadmap/initiatives/"));
        }
        return "roadmap/" + format;
    }

    record Moved(long id, int version, String horizon, String stage, String message) {
    }

    /** Drag between horizon columns. Answers JSON for the page script; a conflict is 409 and changes nothing. */
    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/horizon")
    @ResponseBody
    ResponseEntity<Moved> moveHorizon(@PathVariable long productId, @PathVariable long initiativeId,
            @RequestParam(required = false) String horizon, @RequestParam(required = false) Integer version) {
        return move(() -> initiatives.move(productId, initiativeId, parse(Horizon.class, horizon), required(version)),
                productId, initiativeId);
    }

    /** Drag between kanban stages. */
    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/stage")
    @ResponseBody
    ResponseEntity<Moved> moveStage(@PathVariable long productId, @PathVariable long initiativeId,
            @RequestParam(required = false) String stage, @RequestParam(required = false) Integer version) {
        return move(() -> initiatives.changeStage(productId, initiativeId, parse(Stage.class, stage), required(version)),
                productId, initiativeId);
    }

    private ResponseEntity<Moved> move(java.util.function.Supplier<Stored<Initiative>> change, long productId, long initiativeId) {
        try {
            Stored<Initiative> moved = change.get();
            Initiative i = moved.value();
            return ResponseEntity.ok(new Moved(i.id(), moved.version(), i.horizon().name(), i.stage().name(),
                    "Moved “" + i.title() + "” to " + i.horizon().label() + " · " + i.stage().label() + "."));
        } catch (ConflictException e) {
            // tell the mover what is there now, so the board can put the card back where it really is
            var current = roadmaps.load(productId).initiative(initiativeId);
            return ResponseEntity.status(409).body(new Moved(initiativeId, current.map(Stored::version).orElse(-1),
                    current.map(s -> s.value().horizon().name()).orElse(null), current.map(s -> s.value().stage().name()).orElse(null),
                    "Someone else changed “" + current.map(s -> s.value().title()).orElse("this initiative")
                            + "” since you loaded the page, so your move was not saved. Reload to see their change."));
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().body(new Moved(initiativeId, -1, null, null, e.getMessage()));
        } catch (ForbiddenException e) {
            return ResponseEntity.status(403).body(new Moved(initiativeId, -1, null, null, e.getMessage()));
        }
    }

    private static int required(Integer version) {
        if (version == null) {
            throw new InvalidInputException(Map.of("version", "The move is missing the card's version; reload the page."));
        }
        return version;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
