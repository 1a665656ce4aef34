package app.truenorth.roadmap.web;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapInputs;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Snapshots;
import app.truenorth.roadmap.StrategyLinks;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Reviewing the roadmap: priorities and dependency analysis, traceability, snapshots and what changed. */
@Controller
class RoadmapReviewController {

    private static final String SCORING_METHODS = "must be one of RICE, ICE, WSJF, VALUE_EFFORT";
    private static final String CADENCE = "must be a whole number of days";

    private final RoadmapPages pages;
    private final Roadmaps roadmaps;
    private final Snapshots snapshots;
    private final Clock clock;
    private final StrategyLinks links;

    RoadmapReviewController(RoadmapPages pages, Roadmaps roadmaps, Snapshots snapshots, Clock clock, StrategyLinks links) {
        this.pages = pages;
        this.roadmaps = roadmaps;
        this.snapshots = snapshots;
        this.clock = clock;
        this.links = links;
    }

    @GetMapping("/products/{productId}/roadmap/analysis")
    String analysis(ProductAccess product, @RequestParam(defaultValue = "EFFORT") String weight, HttpServletRequest request,
            Model model) {
        DependencyAnalysis.Weight w = "DURATION".equals(weight) ? DependencyAnalysis.Weight.DURATION : DependencyAnalysis.Weight.EFFORT;
        return renderAnalysis(product, w, FormErrors.none(), request, model);
    }

    private String renderAnalysis(ProductAccess product, DependencyAnalysis.Weight weight, FormErrors errors,
            HttpServletRequest request, Model model) {
        RoadmapData data = pages.common(model, request, product, "Priorities & dependencies");
        model.addAttribute("errors", errors);
        model.addAttribute("weight", weight);
        model.addAttribute("analysis", data.analysis(weight));
        model.addAttribute("ranking", data.ranking());
        model.addAttribute("today", LocalDate.now(clock));
        return "roadmap/analysis";
    }

    @PostMapping("/products/{productId}/roadmap/settings")
    ModelAndView settings(@Needs(Permission.EDIT) ProductAccess product, @RequestParam(required = false) String scoringMethod,
            @RequestParam(required = false) String reviewCadenceDays, @RequestParam(required = false) Integer version,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.empty();
        ScoringMethod method = form.field("scoringMethod", scoringMethod).required(SCORING_METHODS)
                .choice(ScoringMethod.class, SCORING_METHODS);
        Integer cadence = form.field("reviewCadenceDays", reviewCadenceDays).required(CADENCE).whole(CADENCE);
        return Submit.of(request, () -> roadmaps.updateSettings(product.productId(), new RoadmapInputs.SettingsInput(method, cadence),
                        version))
                .refusedBy(form).refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/analysis", "Saved the roadmap settings.")
                .orRender(errors -> renderAnalysis(product, DependencyAnalysis.Weight.EFFORT, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/reviewed")
    ModelAndView reviewed(@Needs(Permission.EDIT) ProductAccess product, @RequestParam(required = false) Integer version,
            HttpServletRequest request, Model model) {
        return Submit.of(request, () -> roadmaps.markReviewed(product.productId(), version))
                .refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/analysis", "Recorded today's review.")
                .orRender(errors -> renderAnalysis(product, DependencyAnalysis.Weight.EFFORT, errors, request, model));
    }

    @GetMapping("/products/{productId}/roadmap/traceability")
    String traceability(ProductAccess product, HttpServletRequest request, Model model) {
        RoadmapData data = pages.common(model, request, product, "Traceability");
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("chains", data.traceability());
        model.addAttribute("liveLinks", links.resolve(product.workspaceId(), product.productId(), data.initiativeList()));
        return "roadmap/traceability";
    }

    @GetMapping("/products/{productId}/roadmap/snapshots")
    String snapshots(ProductAccess product, HttpServletRequest request, Model model) {
        return renderSnapshots(product, "", FormErrors.none(), request, model);
    }

    private String renderSnapshots(ProductAccess product, String name, FormErrors errors, HttpServletRequest request, Model model) {
        pages.common(model, request, product, "Snapshots");
        model.addAttribute("errors", errors);
        model.addAttribute("snapshots", snapshots.list(product.productId()));
        model.addAttribute("name", name);
        return "roadmap/snapshots";
    }

    @PostMapping("/products/{productId}/roadmap/snapshots")
    ModelAndView takeSnapshot(@Needs(Permission.EDIT) ProductAccess product, @RequestParam(required = false) String name,
            HttpServletRequest request, Model model) {
        return Submit.of(request, () -> snapshots.take(product.productId(), name))
                .redirect(info -> RoadmapPages.base(product) + "/snapshots",
                        info -> "Saved snapshot " + info.name() + " with " + info.itemCount() + " initiatives.")
                .orRender(errors -> renderSnapshots(product, name == null ? "" : name, errors, request, model));
    }

    @GetMapping("/products/{productId}/roadmap/diff")
    String diff(ProductAccess product, @RequestParam long from, @RequestParam(defaultValue = "current") String to,
            HttpServletRequest request, Model model) {
        long productId = product.productId();
        pages.common(model, request, product, "What changed");
        model.addAttribute("errors", FormErrors.none());
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
