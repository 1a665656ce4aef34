package app.truenorth.health.web;

import app.truenorth.health.AntiGoals;
import app.truenorth.health.Dismissals;
import app.truenorth.health.Health;
import app.truenorth.health.TextIndexRebuilds;
import app.truenorth.platform.web.Pages;
import app.truenorth.health.HealthCheck;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The health page of a product's roadmap: score, findings with their evidence, and what the rules judge
 * by — the thresholds and the declared anti-goals, which editors change here. Editors also dismiss an
 * anti-goal finding for one initiative, with a reason, and withdraw a dismissal.
 */
@Controller
class RoadmapHealthController {

    private final ShellFactory shells;
    private final Health health;
    private final AntiGoals antiGoals;
    private final Dismissals dismissals;
    private final TextIndexRebuilds rebuilds;

    RoadmapHealthController(ShellFactory shells, Health health, AntiGoals antiGoals, Dismissals dismissals,
            TextIndexRebuilds rebuilds) {
        this.shells = shells;
        this.health = health;
        this.antiGoals = antiGoals;
        this.dismissals = dismissals;
        this.rebuilds = rebuilds;
    }


    @GetMapping("/products/{productId}/health")
    String page(ProductAccess product, HttpServletRequest request, Model model) {
        long productId = product.productId();
        HealthCheck check = health.check(productId);
        model.addAttribute("shell", shells.product(request, product, "Health · " + product.productName(), "health"));
        model.addAttribute("check", check);
        model.addAttribute("roadmapBase", "/products/" + productId + "/roadmap");
        model.addAttribute("action", "/products/" + productId + "/health/thresholds");
        model.addAttribute("antiGoalsAction", "/products/" + productId + "/health/anti-goals");
        model.addAttribute("viewsHref", "/products/" + productId + "/views");
        model.addAttribute("canEdit", product.can(Permission.EDIT));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ThresholdsForm.of(check.thresholds().thresholds(), check.thresholds().version()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        if (!model.containsAttribute("antiGoalErrors")) {
            model.addAttribute("antiGoalErrors", FormErrors.none());
        }
        if (!model.containsAttribute("antiGoalText")) {
            model.addAttribute("antiGoalText", "");
        }
        if (!model.containsAttribute("dismissForm")) {
            model.addAttribute("dismissForm", new DismissForm(0, 0, "", FormErrors.none()));
        }
        model.addAttribute("dismissalsAction", "/products/" + productId + "/health/dismissals");
        model.addAttribute("canRebuild", product.can(Permission.ADMIN));
        model.addAttribute("rebuildAction", "/products/" + productId + "/health/text-index/rebuild");
        if (!model.containsAttribute("rebuild")) {
            model.addAttribute("rebuild", null);
        }
        return "health/page";
    }

    @PostMapping("/products/{productId}/health/anti-goals")
    ModelAndView addAntiGoal(@Needs(Permission.EDIT) ProductAccess product, @RequestParam(required = false) String text,
            HttpServletRequest request, Model model) {
        return Submit.of(request, () -> antiGoals.add(product.productId(), text))
                .redirect(added -> "/products/" + product.productId() + "/health#anti-goals",
                        added -> "Added the anti-goal “" + added.text() + "”.")
                .orRender(errors -> {
                    model.addAttribute("antiGoalErrors", errors);
                    model.addAttribute("antiGoalText", text == null ? "" : text);
                    return page(product, request, model);
                });
    }

    @PostMapping("/products/{productId}/health/anti-goals/{antiGoalId}/remove")
    String removeAntiGoal(@PathVariable long productId, @PathVariable long antiGoalId, RedirectAttributes redirect) {
        var removed = antiGoals.remove(productId, antiGoalId);
        redirect.addFlashAttribute(ShellFactory.FLASH, "Removed the anti-goal “" + removed.text() + "”.");
        return "redirect:/products/" + productId + "/health#anti-goals";
    }

    @PostMapping("/products/{productId}/health/dismissals")
    ModelAndView dismiss(@Needs(Permission.EDIT) ProductAccess product, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Long antiGoalId = form.field("antiGoalId").required("is required").id("is not an anti-goal of this roadmap");
        Long initiativeId = form.field("initiativeId").required("is required").id("is not an initiative of this roadmap");
        String reason = form.text("reason");
        long productId = product.productId();
        return Submit.of(request, () -> dismissals.dismiss(productId, antiGoalId, initiativeId, reason))
                .refusedBy(form)
                .redirect(d -> "/products/" + productId + "/health#findings-heading",
                        d -> "Dismissed the anti-goal finding for “" + d.initiativeTitle() + "”.")
                .onConflict(errors -> {
                    model.addAttribute("errors", errors);
                    return page(product, request, model);
                })
                .orRender(errors -> {
                    if (errors.has("antiGoalId") || errors.has("initiativeId")) {
                        // removed by someone else since the page was loaded: nothing to show beside a field
                        model.addAttribute("errors", FormErrors.global("That anti-goal or initiative is no longer on this roadmap; "
                                + "reload the page."));
                    } else {
                        model.addAttribute("dismissForm", new DismissForm(antiGoalId == null ? 0 : antiGoalId,
                                initiativeId == null ? 0 : initiativeId, reason == null ? "" : reason, errors));
                    }
                    return page(product, request, model);
                });
    }

    @PostMapping("/products/{productId}/health/dismissals/{dismissalId}/withdraw")
    ModelAndView withdraw(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long dismissalId,
            @RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        Integer version = form.version();
        long productId = product.productId();
        return Submit.of(request, () -> dismissals.withdraw(productId, dismissalId, version))
                .refusedBy(form)
                .redirect(d -> "/products/" + productId + "/health#findings-heading",
                        d -> "Withdrew the dismissal for “" + d.initiativeTitle() + "”.")
                .onConflict(errors -> {
                    model.addAttribute("errors", errors);
                    return page(product, request, model);
                })
                .orRender(errors -> {
                    model.addAttribute("errors", errors);
                    return page(product, request, model);
                });
    }

    @PostMapping("/products/{productId}/health/text-index/rebuild")
    String rebuild(@PathVariable long productId) {
        var status = rebuilds.startFromProduct(productId);
        return "redirect:/products/" + productId + "/health/text-index/rebuild/" + status.id() + "#text-index";
    }

    /** A rebuild's progress: the fragment for the card's poll, or the whole page with the card showing it. */
    @GetMapping("/products/{productId}/health/text-index/rebuild/{reindexJobId}")
    String rebuildProgress(ProductAccess product, @PathVariable String reindexJobId, HttpServletRequest request, Model model) {
        long productId = product.productId();
        var status = rebuilds.statusFromProduct(productId, reindexJobId);
        model.addAttribute("rebuild", status);
        model.addAttribute("rebuildAction", "/products/" + productId + "/health/text-index/rebuild");
        if (Pages.wantsFragment(request)) {
            return "health/rebuild";
        }
        return page(product, request, model);
    }

    @PostMapping("/products/{productId}/health/thresholds")
    ModelAndView thresholds(@Needs(Permission.EDIT) ProductAccess product, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(params);
        var input = new Health.ThresholdsInput(
                form.field("featureSizeWeeks").required("is required (person-weeks)")
                        .decimal("must be a number of person-weeks, such as 2 or 2.5"),
                form.field("maxFeatureSizedPercent").required(PERCENT_REQUIRED).whole(WHOLE_PERCENT),
                form.field("nowCapacityWeeks").decimal("must be a number of person-weeks, such as 2 or 2.5"),
                form.field("maxNowPercent").required(PERCENT_REQUIRED).whole(WHOLE_PERCENT),
                form.field("antiGoalMatchPercent").required(PERCENT_REQUIRED).whole(WHOLE_PERCENT));
        Integer version = form.version();
        return Submit.of(request, () -> health.updateThresholds(product.productId(), input, version))
                .refusedBy(form)
                .redirect("/products/" + product.productId() + "/health", "Saved the health thresholds.")
                // someone saved thresholds since this form was loaded: show theirs, with their version
                .onConflict(errors -> {
                    model.addAttribute("errors", errors);
                    return page(product, request, model);
                })
                .orRender(errors -> {
                    // the form as typed, so a refused value is shown back exactly as entered
                    model.addAttribute("form", new ThresholdsForm(params.get("featureSizeWeeks"), params.get("maxFeatureSizedPercent"),
                            params.get("nowCapacityWeeks"), params.get("maxNowPercent"), params.get("antiGoalMatchPercent"), version));
                    model.addAttribute("errors", errors);
                    return page(product, request, model);
                });
    }

    private static final String PERCENT_REQUIRED = "is required (a percentage)";
    private static final String WHOLE_PERCENT = "must be a whole percentage, such as 40";
}
