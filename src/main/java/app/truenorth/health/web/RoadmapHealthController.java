package app.truenorth.health.web;

import app.truenorth.health.AntiGoals;
import app.truenorth.health.Dismissals;
import app.truenorth.health.Health;
import app.truenorth.health.TextIndexRebuilds;
import app.truenorth.platform.web.Pages;
import app.truenorth.health.HealthCheck;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The health page of a product's roadmap: score, findings with their evidence, and what the rules judge
 * by — the thresholds and the declared anti-goals, which editors change here. Editors also dismiss an
 * anti-goal finding for one initiative, with a reason, and withdraw a dismissal.
 */
@Controller
class RoadmapHealthController {

    private final WorkspaceAccess access;
    private final ShellFactory shells;
    private final Health health;
    private final AntiGoals antiGoals;
    private final Dismissals dismissals;
    private final TextIndexRebuilds rebuilds;

    RoadmapHealthController(WorkspaceAccess access, ShellFactory shells, Health health, AntiGoals antiGoals, Dismissals dismissals,
            TextIndexRebuilds rebuilds) {
        this.access = access;
        this.shells = shells;
        this.health = health;
        this.antiGoals = antiGoals;
        this.dismissals = dismissals;
        this.rebuilds = rebuilds;
    }


    @GetMapping("/products/{productId}/health")
    String page(@PathVariable long productId, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
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
    String addAntiGoal(@PathVariable long productId, @RequestParam(required = false) String text, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        try {
            var added = antiGoals.add(productId, text);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Added the anti-goal “" + added.text() + "”.");
            return "redirect:/products/" + productId + "/health#anti-goals";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("antiGoalErrors", FormErrors.of(e.fieldErrors()));
            model.addAttribute("antiGoalText", text == null ? "" : text);
            return page(productId, request, model);
        }
    }

    @PostMapping("/products/{productId}/health/anti-goals/{antiGoalId}/remove")
    String removeAntiGoal(@PathVariable long productId, @PathVariable long antiGoalId, RedirectAttributes redirect) {
        var removed = antiGoals.remove(productId, antiGoalId);
        redirect.addFlashAttribute(ShellFactory.FLASH, "Removed the anti-goal “" + removed.text() + "”.");
        return "redirect:/products/" + productId + "/health#anti-goals";
    }

    @PostMapping("/products/{productId}/health/dismissals")
    String dismiss(@PathVariable long productId, @RequestParam long antiGoalId, @RequestParam long initiativeId,
            @RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        try {
            var d = dismissals.dismiss(productId, antiGoalId, initiativeId, reason);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Dismissed the anti-goal finding for “" + d.initiativeTitle() + "”.");
            return "redirect:/products/" + productId + "/health#findings-heading";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            if (e.fieldErrors().containsKey("antiGoalId") || e.fieldErrors().containsKey("initiativeId")) {
                // removed by someone else since the page was loaded: nothing to show beside a field
                model.addAttribute("errors", FormErrors.global("That anti-goal or initiative is no longer on this roadmap; "
                        + "reload the page."));
            } else {
                model.addAttribute("dismissForm", new DismissForm(antiGoalId, initiativeId, reason == null ? "" : reason,
                        FormErrors.of(e.fieldErrors())));
            }
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
        }
        return page(productId, request, model);
    }

    @PostMapping("/products/{productId}/health/dismissals/{dismissalId}/withdraw")
    String withdraw(@PathVariable long productId, @PathVariable long dismissalId, @RequestParam(required = false) Integer version,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        try {
            if (version == null) {
                throw new ConflictException("The form is missing its version; reload the page.");
            }
            var d = dismissals.withdraw(productId, dismissalId, version);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Withdrew the dismissal for “" + d.initiativeTitle() + "”.");
            return "redirect:/products/" + productId + "/health#findings-heading";
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
        }
        return page(productId, request, model);
    }

    @PostMapping("/products/{productId}/health/text-index/rebuild")
    String rebuild(@PathVariable long productId) {
        var status = rebuilds.startFromProduct(productId);
        return "redirect:/products/" + productId + "/health/text-index/rebuild/" + status.id() + "#text-index";
    }

    /** A rebuild's progress: the fragment for the card's poll, or the whole page with the card showing it. */
    @GetMapping("/products/{productId}/health/text-index/rebuild/{reindexJobId}")
    String rebuildProgress(@PathVariable long productId, @PathVariable String reindexJobId, HttpServletRequest request, Model model) {
        var status = rebuilds.statusFromProduct(productId, reindexJobId);
        model.addAttribute("rebuild", status);
        model.addAttribute("rebuildAction", "/products/" + productId + "/health/text-index/rebuild");
        if (Pages.wantsFragment(request)) {
            return "health/rebuild";
        }
        return page(productId, request, model);
    }

    @PostMapping("/products/{productId}/health/thresholds")
    String thresholds(@PathVariable long productId, @RequestParam(required = false) String featureSizeWeeks,
            @RequestParam(required = false) String maxFeatureSizedPercent, @RequestParam(required = false) String nowCapacityWeeks,
            @RequestParam(required = false) String maxNowPercent, @RequestParam(required = false) String antiGoalMatchPercent,
            @RequestParam(required = false) Integer version, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        ThresholdsForm form = new ThresholdsForm(featureSizeWeeks, maxFeatureSizedPercent, nowCapacityWeeks, maxNowPercent,
                antiGoalMatchPercent, version == null ? -1 : version);
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal featureSize = decimal(problems, "featureSizeWeeks", featureSizeWeeks, true);
        Integer maxFeature = whole(problems, "maxFeatureSizedPercent", maxFeatureSizedPercent);
        BigDecimal capacity = decimal(problems, "nowCapacityWeeks", nowCapacityWeeks, false);
        Integer maxNow = whole(problems, "maxNowPercent", maxNowPercent);
        Integer similarity = whole(problems, "antiGoalMatchPercent", antiGoalMatchPercent);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            if (version == null) {
                throw new ConflictException("The form is missing its version; reload the page.");
            }
            health.updateThresholds(productId, new Health.ThresholdsInput(featureSize, maxFeature, capacity, maxNow, similarity), version);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Saved the health thresholds.");
            return "redirect:/products/" + productId + "/health";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e.fieldErrors()));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
        }
        model.addAttribute("form", form);
        return page(productId, request, model);
    }

    private static BigDecimal decimal(Map<String, String> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.put(field, "is required (person-weeks)");
            }
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "must be a number of person-weeks, such as 2 or 2.5");
            return null;
        }
    }

    private static Integer whole(Map<String, String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.put(field, "is required (a percentage)");
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole percentage, such as 40");
            return null;
        }
    }
}
