package app.truenorth.roadmap.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Dependencies;
import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.Objectives;
import app.truenorth.roadmap.Risks;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Themes;
import app.truenorth.roadmap.StrategyLinks;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Traceability;
import app.truenorth.roadmap.web.RoadmapForms.DependencyForm;
import app.truenorth.roadmap.web.RoadmapForms.InitiativeForm;
import app.truenorth.roadmap.web.RoadmapForms.ObjectiveForm;
import app.truenorth.roadmap.web.RoadmapForms.RiskForm;
import app.truenorth.roadmap.web.RoadmapForms.ThemeForm;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forms for the pieces of the roadmap: themes, objectives, initiatives with their dependencies, and
 * risks. Editors and owners change; everyone else reads. A refused change comes back with the
 * message beside the field; a stale version says someone else changed it and shows the form again.
 */
@Controller
class RoadmapEditController {

    private final WorkspaceAccess access;
    private final ShellFactory shells;
    private final Roadmaps roadmaps;
    private final Themes themes;
    private final Objectives objectives;
    private final Initiatives initiatives;
    private final Dependencies dependencies;
    private final Risks risks;
    private final StrategyLinks links;

    RoadmapEditController(WorkspaceAccess access, ShellFactory shells, Roadmaps roadmaps, Themes themes, Objectives objectives,
            Initiatives initiatives, Dependencies dependencies, Risks risks, StrategyLinks links) {
        this.links = links;
        this.access = access;
        this.shells = shells;
        this.roadmaps = roadmaps;
        this.themes = themes;
        this.objectives = objectives;
        this.initiatives = initiatives;
        this.dependencies = dependencies;
        this.risks = risks;
    }

    private static String base(long productId) {
        return "/products/" + productId + "/roadmap";
    }

    private void common(Model model, HttpServletRequest request, ProductAccess product, String title, RoadmapData data) {
        model.addAttribute("shell", shells.product(request, product, title + " · " + product.productName(), "roadmap"));
        model.addAttribute("data", data);
        model.addAttribute("base", base(product.productId()));
        model.addAttribute("canEdit", product.can(Permission.EDIT));
    }

    /**
     * Runs a change; on success redirects with a confirmation, on refusal re-renders the form with the
     * messages (422) or the conflict (409).
     */
    private String attempt(Supplier<String> change, Supplier<String> rerender, HttpServletResponse response, Model model,
            RedirectAttributes redirect, String confirmation) {
        try {
            String target = change.get();
            redirect.addFlashAttribute(ShellFactory.FLASH, confirmation);
            return "redirect:" + target;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e.fieldErrors()));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
        }
        return rerender.get();
    }

    // ------------------------------------------------------------ themes

    @GetMapping("/products/{productId}/roadmap/themes")
    String themes(@PathVariable long productId, @RequestParam(required = false) Long edit, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        RoadmapData data = roadmaps.load(productId);
        ThemeForm form = edit == null ? ThemeForm.empty()
                : ThemeForm.of(data.themes().stream().filter(t -> t.value().id() == edit).findFirst()
                        .orElseThrow(() -> new NotFoundException("Theme")));
        return renderThemes(product, data, form, edit, FormErrors.none(), request, model);
    }

    private String renderThemes(ProductAccess product, RoadmapData data, ThemeForm form, Long editing, FormErrors errors,
            HttpServletRequest request, Model model) {
        common(model, request, product, "Themes", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("linkChoices", links.choices(product.workspaceId(), product.productId()));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : errors);
        return "roadmap/themes";
    }

    @PostMapping("/products/{productId}/roadmap/themes")
    String createTheme(@PathVariable long productId, @ModelAttribute("form") ThemeForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            themes.create(productId, form.input());
            return base(productId) + "/themes";
        }, () -> renderThemes(product, roadmaps.load(productId), form, null, FormErrors.none(), request, model), response, model,
                redirect, "Added theme " + form.name() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/themes/{themeId}")
    String updateTheme(@PathVariable long productId, @PathVariable long themeId, @ModelAttribute("form") ThemeForm form,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            themes.update(productId, themeId, form.input(), version(form.version()));
            return base(productId) + "/themes";
        }, () -> renderThemes(product, roadmaps.load(productId), form, themeId, FormErrors.none(), request, model), response, model,
                redirect, "Saved theme " + form.name() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/themes/{themeId}/delete")
    String deleteTheme(@PathVariable long productId, @PathVariable long themeId, @RequestParam(required = false) Integer version,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            themes.delete(productId, themeId, version(version));
            return base(productId) + "/themes";
        }, () -> renderThemes(product, roadmaps.load(productId), ThemeForm.empty(), null, FormErrors.none(), request, model),
                response, model, redirect, "Deleted the theme; its initiatives now have no theme.");
    }

    // ------------------------------------------------------------ objectives

    @GetMapping("/products/{productId}/roadmap/objectives")
    String objectives(@PathVariable long productId, @RequestParam(required = false) Long edit, HttpServletRequest request,
            Model model) {
        var product = access.product(productId, Permission.READ);
        RoadmapData data = roadmaps.load(productId);
        ObjectiveForm form = edit == null ? ObjectiveForm.empty()
                : ObjectiveForm.of(data.objectives().stream().filter(o -> o.value().id() == edit).findFirst()
                        .orElseThrow(() -> new NotFoundException("Objective")));
        return renderObjectives(product, data, form, edit, request, model);
    }

    private String renderObjectives(ProductAccess product, RoadmapData data, ObjectiveForm form, Long editing,
            HttpServletRequest request, Model model) {
        common(model, request, product, "Objectives", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("linkChoices", links.choices(product.workspaceId(), product.productId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "roadmap/objectives";
    }

    @PostMapping("/products/{productId}/roadmap/objectives")
    String createObjective(@PathVariable long productId, @ModelAttribute("form") ObjectiveForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            objectives.create(productId, form.input());
            return base(productId) + "/objectives";
        }, () -> renderObjectives(product, roadmaps.load(productId), form, null, request, model), response, model, redirect,
                "Added objective " + form.title() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/objectives/{objectiveId}")
    String updateObjective(@PathVariable long productId, @PathVariable long objectiveId, @ModelAttribute("form") ObjectiveForm form,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            objectives.update(productId, objectiveId, form.input(), version(form.version()));
            return base(productId) + "/objectives";
        }, () -> renderObjectives(product, roadmaps.load(productId), form, objectiveId, request, model), response, model, redirect,
                "Saved objective " + form.title() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/objectives/{objectiveId}/delete")
    String deleteObjective(@PathVariable long productId, @PathVariable long objectiveId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            objectives.delete(productId, objectiveId, version(version));
            return base(productId) + "/objectives";
        }, () -> renderObjectives(product, roadmaps.load(productId), ObjectiveForm.empty(), null, request, model), response, model,
                redirect, "Deleted the objective.");
    }

    // ------------------------------------------------------------ initiatives

    @GetMapping("/products/{productId}/roadmap/initiatives/new")
    String newInitiative(@PathVariable long productId, @RequestParam(required = false) String horizon, HttpServletRequest request,
            Model model) {
        var product = access.product(productId, Permission.EDIT);
        return renderInitiativeForm(product, roadmaps.load(productId), InitiativeForm.empty(horizon), null, request, model);
    }

    @GetMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/edit")
    String editInitiative(@PathVariable long productId, @PathVariable long initiativeId, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.EDIT);
        RoadmapData data = roadmaps.load(productId);
        Stored<Initiative> initiative = data.initiative(initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        return renderInitiativeForm(product, data, InitiativeForm.of(initiative), initiativeId, request, model);
    }

    private String renderInitiativeForm(ProductAccess product, RoadmapData data, InitiativeForm form, Long editing,
            HttpServletRequest request, Model model) {
        common(model, request, product, editing == null ? "New initiative" : "Edit initiative", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("linkChoices", links.choices(product.workspaceId(), product.productId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "roadmap/initiative-form";
    }

    @PostMapping("/products/{productId}/roadmap/initiatives")
    String createInitiative(@PathVariable long productId, @ModelAttribute("form") InitiativeForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> base(productId) + "/initiatives/" + initiatives.create(productId, form.input()).value().id(),
                () -> renderInitiativeForm(product, roadmaps.load(productId), form, null, request, model), response, model, redirect,
                "Added initiative " + form.title() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}")
    String updateInitiative(@PathVariable long productId, @PathVariable long initiativeId, @ModelAttribute("form") InitiativeForm form,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            initiatives.update(productId, initiativeId, form.input(), version(form.version()));
            return base(productId) + "/initiatives/" + initiativeId;
        }, () -> renderInitiativeForm(product, roadmaps.load(productId), form, initiativeId, request, model), response, model,
                redirect, "Saved " + form.title() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/delete")
    String deleteInitiative(@PathVariable long productId, @PathVariable long initiativeId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        return attempt(() -> {
            initiatives.delete(productId, initiativeId, version(version));
            return base(productId) + "/horizon";
        }, () -> renderInitiative(productId, initiativeId, DependencyForm.empty(), request, model), response, model, redirect,
                "Deleted the initiative.");
    }

    @GetMapping("/products/{productId}/roadmap/initiatives/{initiativeId}")
    String initiative(@PathVariable long productId, @PathVariable long initiativeId, HttpServletRequest request, Model model) {
        return renderInitiative(productId, initiativeId, DependencyForm.empty(), request, model);
    }

    private String renderInitiative(long productId, long initiativeId, DependencyForm dependencyForm, HttpServletRequest request,
            Model model) {
        var product = access.product(productId, Permission.READ);
        RoadmapData data = roadmaps.load(productId);
        Stored<Initiative> initiative = data.initiative(initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        common(model, request, product, initiative.value().title(), data);
        model.addAttribute("initiative", initiative);
        Traceability.Chain chain = data.traceability().stream().filter(c -> c.initiative().id() == initiativeId).findFirst()
                .orElseThrow();
        model.addAttribute("chain", chain);
        model.addAttribute("liveLink", links.resolve(product.workspaceId(), productId, List.of(initiative.value())).get(initiativeId));
        model.addAttribute("dependencyForm", dependencyForm);
        model.addAttribute("riskForm", RiskForm.empty(initiativeId));
        model.addAttribute("flags", data.analysis(app.truenorth.roadmap.domain.DependencyAnalysis.Weight.EFFORT).flags().stream()
                .filter(f -> f.dependentId() == initiativeId || f.requiredId() == initiativeId).map(f -> f.message()).toList());
        model.addAttribute("rank", data.ranking().ranked().stream().filter(r -> r.initiativeId() == initiativeId).findFirst().orElse(null));
        model.addAttribute("missing", app.truenorth.roadmap.domain.Scoring.missing(data.settings().scoringMethod(), initiative.value()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "roadmap/initiative";
    }

    // ------------------------------------------------------------ dependencies

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/dependencies")
    String addDependency(@PathVariable long productId, @PathVariable long initiativeId,
            @ModelAttribute("dependencyForm") DependencyForm form, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        return attempt(() -> {
            dependencies.add(productId, form.input(initiativeId));
            return base(productId) + "/initiatives/" + initiativeId;
        }, () -> renderInitiative(productId, initiativeId, form, request, model), response, model, redirect, "Added the dependency.");
    }

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/dependencies/{dependencyId}/delete")
    String removeDependency(@PathVariable long productId, @PathVariable long initiativeId, @PathVariable long dependencyId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        return attempt(() -> {
            dependencies.remove(productId, dependencyId, version(version));
            return base(productId) + "/initiatives/" + initiativeId;
        }, () -> renderInitiative(productId, initiativeId, DependencyForm.empty(), request, model), response, model, redirect,
                "Removed the dependency.");
    }

    // ------------------------------------------------------------ risks

    @GetMapping("/products/{productId}/roadmap/risks")
    String risks(@PathVariable long productId, @RequestParam(required = false) Long edit,
            @RequestParam(required = false) Long initiative, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        RoadmapData data = roadmaps.load(productId);
        RiskForm form = edit == null ? RiskForm.empty(initiative)
                : RiskForm.of(data.risks().stream().filter(r -> r.value().id() == edit).findFirst()
                        .orElseThrow(() -> new NotFoundException("Risk")));
        return renderRisks(product, data, form, edit, request, model);
    }

    private String renderRisks(ProductAccess product, RoadmapData data, RiskForm form, Long editing, HttpServletRequest request,
            Model model) {
        common(model, request, product, "Risks", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("linkChoices", links.choices(product.workspaceId(), product.productId()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "roadmap/risks";
    }

    @PostMapping("/products/{productId}/roadmap/risks")
    String createRisk(@PathVariable long productId, @ModelAttribute("form") RiskForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            risks.create(productId, form.input());
            return base(productId) + "/risks";
        }, () -> renderRisks(product, roadmaps.load(productId), form, null, request, model), response, model, redirect,
                "Added risk " + form.title() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/risks/{riskId}")
    String updateRisk(@PathVariable long productId, @PathVariable long riskId, @ModelAttribute("form") RiskForm form,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            risks.update(productId, riskId, form.input(), version(form.version()));
            return base(productId) + "/risks";
        }, () -> renderRisks(product, roadmaps.load(productId), form, riskId, request, model), response, model, redirect,
                "Saved risk " + form.title() + ".");
    }

    @PostMapping("/products/{productId}/roadmap/risks/{riskId}/delete")
    String deleteRisk(@PathVariable long productId, @PathVariable long riskId, @RequestParam(required = false) Integer version,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        return attempt(() -> {
            risks.delete(productId, riskId, version(version));
            return base(productId) + "/risks";
        }, () -> renderRisks(product, roadmaps.load(productId), RiskForm.empty(null), null, request, model), response, model,
                redirect, "Deleted the risk.");
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "The form is missing its version; reload the page and try again.");
        }
        return version;
    }
}
