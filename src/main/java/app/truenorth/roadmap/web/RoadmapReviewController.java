package app.truenorth.roadmap.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Snapshots;
import app.truenorth.roadmap.StrategyLinks;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reviewing the roadmap: priorities and dependency analysis, traceability, snapshots and what changed. */
@Controller
class RoadmapReviewController {

    private final WorkspaceAccess access;
    private final ShellFactory shells;
    private final Roadmaps roadmaps;
    private final Snapshots snapshots;
    private final Clock clock;
    private final StrategyLinks links;

    RoadmapReviewController(WorkspaceAccess access, ShellFactory shells, Roadmaps roadmaps, Snapshots snapshots, Clock clock,
            StrategyLinks links) {
        this.links = links;
        this.access = access;
        this.shells = shells;
        this.roadmaps = roadmaps;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    private RoadmapData common(long productId, String title, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        RoadmapData data = roadmaps.load(productId);
        model.addAttribute("shell", shells.product(request, product, title + " · " + product.productName(), "roadmap"));
        model.addAttribute("data", data);
        model.addAttribute("base", "/products/" + productId + "/roadmap");
        model.addAttribute("canEdit", product.can(Permission.EDIT));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return data;
    }

    @GetMapping("/products/{productId}/roadmap/analysis")
    String analysis(@PathVariable long productId, @RequestParam(defaultValue = "EFFORT") String weight, HttpServletRequest request,
            Model model) {
        RoadmapData data = common(productId, "Priorities & dependencies", request, model);
        DependencyAnalysis.Weight w = "DURATION".equals(weight) ? DependencyAnalysis.Weight.DURATION : DependencyAnalysis.Weight.EFFORT;
        model.addAttribute("weight", w);
        model.addAttribute("analysis", data.analysis(w));
        model.addAttribute("ranking", data.ranking());
        model.addAttribute("today", LocalDate.now(clock));
        return "roadmap/analysis";
    }

    @PostMapping("/products/{productId}/roadmap/settings")
    String settings(@PathVariable long productId, @RequestParam(required = false) String scoringMethod,
            @RequestParam(required = false) String reviewCadenceDays, @RequestParam(required = false) Integer version,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        try {
            ScoringMethod method = null;
            try {
                method = ScoringMethod.valueOf(scoringMethod);
            } catch (RuntimeException e) {
                // reported as a field error by the service
            }
            int cadence;
            try {
                cadence = Integer.parseInt(reviewCadenceDays.trim());
            } catch (RuntimeException e) {
                throw new InvalidInputException("reviewCadenceDays", "must be a whole number of days");
            }
            if (version == null) {
                throw new InvalidInputException("reviewCadenceDays", "The form is missing its version; reload the page.");
            }
            roadmaps.updateSettings(productId, new RoadmapInputs.SettingsInput(method, cadence), version);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Saved the roadmap settings.");
            return "redirect:/products/" + productId + "/roadmap/analysis";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e.fieldErrors()));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
        }
        return analysis(productId, "EFFORT", request, model);
    }

    @PostMapping("/products/{productId}/roadmap/reviewed")
    String reviewed(@PathVariable long productId, @RequestParam(required = false) Integer version, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        try {
            roadmaps.markReviewed(productId, version == null ? -1 : version);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Recorded today's review.");
            return "redirect:/products/" + productId + "/roadmap/analysis";
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
            return analysis(productId, "EFFORT", request, model);
        }
    }

    @GetMapping("/products/{productId}/roadmap/traceability")
    String traceability(@PathVariable long productId, HttpServletRequest request, Model model) {
        RoadmapData data = common(productId, "Traceability", request, model);
        model.addAttribute("chains", data.traceability());
        var product = access.product(productId, Permission.READ);
        model.addAttribute("liveLinks", links.resolve(product.workspaceId(), productId, data.initiativeList()));
        return "roadmap/traceability";
    }

    @GetMapping("/products/{productId}/roadmap/snapshots")
    String snapshots(@PathVariable long productId, HttpServletRequest request, Model model) {
        common(productId, "Snapshots", request, model);
        model.addAttribute("snapshots", snapshots.list(productId));
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
        }
        return "roadmap/snapshots";
    }

    @PostMapping("/products/{productId}/roadmap/snapshots")
    String takeSnapshot(@PathVariable long productId, @RequestParam(required = false) String name, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        try {
            var info = snapshots.take(productId, name);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Saved snapshot " + info.name() + " with " + info.itemCount() + " initiatives.");
            return "redirect:/products/" + productId + "/roadmap/snapshots";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e.fieldErrors()));
            model.addAttribute("name", name == null ? "" : name);
            return snapshots(productId, request, model);
        }
    }

    @GetMapping("/products/{productId}/roadmap/diff")
    String diff(@PathVariable long productId, @RequestParam long from, @RequestParam(defaultValue = "current") String to,
            HttpServletRequest request, Model model) {
        common(productId, "What changed", request, model);
        Long toId = "current".equals(to) ? null : parseId(to);
        model.addAttribute("from", snapshots.get(productId, from).info());
        model.addAttribute("to", toId == null ? null : snapshots.get(productId, toId).info());
        model.addAttribute("diff", snapshots.diff(productId, from, toId));
        model.addAttribute("snapshots", snapshots.list(productId));
        return "roadmap/diff";
    }

    private static Long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("to", "must be a snapshot or 'current'");
        }
    }
}
