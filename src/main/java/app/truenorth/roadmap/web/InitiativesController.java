package app.truenorth.roadmap.web;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.roadmap.Dependencies;
import app.truenorth.roadmap.Initiatives;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.StrategyLinks;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Scoring;
import app.truenorth.roadmap.domain.Traceability;
import app.truenorth.roadmap.web.RoadmapForms.DependencyForm;
import app.truenorth.roadmap.web.RoadmapForms.InitiativeForm;
import app.truenorth.roadmap.web.RoadmapForms.RiskForm;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * An initiative's page (its chain to the strategy, score, flags, dependencies, risks and decisions) and,
 * for editors, the forms to add, edit or delete it and to add or remove what it depends on. A refused
 * change comes back with the message beside the field; a stale version says someone else changed it.
 */
@Controller
class InitiativesController {

    private final RoadmapPages pages;
    private final Initiatives initiatives;
    private final Dependencies dependencies;
    private final StrategyLinks links;

    InitiativesController(RoadmapPages pages, Initiatives initiatives, Dependencies dependencies, StrategyLinks links) {
        this.pages = pages;
        this.initiatives = initiatives;
        this.dependencies = dependencies;
        this.links = links;
    }

    // ------------------------------------------------------------ the form

    @GetMapping("/products/{productId}/roadmap/initiatives/new")
    String newInitiative(@Needs(Permission.EDIT) ProductAccess product, @RequestParam(required = false) String horizon,
            HttpServletRequest request, Model model) {
        return renderForm(product, pages.load(product), InitiativeForm.empty(horizon), null, FormErrors.none(), request, model);
    }

    @GetMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/edit")
    String edit(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long initiativeId, HttpServletRequest request,
            Model model) {
        RoadmapData data = pages.load(product);
        Stored<Initiative> initiative = data.initiative(initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        return renderForm(product, data, InitiativeForm.of(initiative), initiativeId, FormErrors.none(), request, model);
    }

    private String renderForm(ProductAccess product, RoadmapData data, InitiativeForm form, Long editing, FormErrors errors,
            HttpServletRequest request, Model model) {
        pages.common(model, request, product, editing == null ? "New initiative" : "Edit initiative", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("linkChoices", links.choices(product.workspaceId(), product.productId()));
        model.addAttribute("errors", errors);
        return "roadmap/initiative-form";
    }

    @PostMapping("/products/{productId}/roadmap/initiatives")
    ModelAndView create(@Needs(Permission.EDIT) ProductAccess product, @ModelAttribute("form") InitiativeForm form,
            HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        return Submit.of(request, () -> initiatives.create(product.productId(), input))
                .refusedBy(bound)
                .redirect(created -> RoadmapPages.base(product) + "/initiatives/" + created.value().id(),
                        created -> "Added initiative " + form.title() + ".")
                .orRender(errors -> renderForm(product, pages.load(product), form, null, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}")
    ModelAndView update(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long initiativeId,
            @ModelAttribute("form") InitiativeForm form, HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        Integer version = bound.version();
        return Submit.of(request, () -> initiatives.update(product.productId(), initiativeId, input, version))
                .refusedBy(bound)
                .redirect(RoadmapPages.base(product) + "/initiatives/" + initiativeId, "Saved " + form.title() + ".")
                .orRender(errors -> renderForm(product, pages.load(product), form, initiativeId, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/delete")
    ModelAndView delete(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long initiativeId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, Model model) {
        return Submit.of(request, () -> initiatives.delete(product.productId(), initiativeId, version))
                .refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/horizon", "Deleted the initiative.")
                .orRender(errors -> render(product, initiativeId, DependencyForm.empty(), errors, request, model));
    }

    // ------------------------------------------------------------ the page

    @GetMapping("/products/{productId}/roadmap/initiatives/{initiativeId}")
    String initiative(ProductAccess product, @PathVariable long initiativeId, HttpServletRequest request, Model model) {
        return render(product, initiativeId, DependencyForm.empty(), FormErrors.none(), request, model);
    }

    private String render(ProductAccess product, long initiativeId, DependencyForm dependencyForm, FormErrors errors,
            HttpServletRequest request, Model model) {
        RoadmapData data = pages.load(product);
        Stored<Initiative> initiative = data.initiative(initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        pages.common(model, request, product, initiative.value().title(), data);
        model.addAttribute("initiative", initiative);
        Traceability.Chain chain = data.traceability().stream().filter(c -> c.initiative().id() == initiativeId).findFirst()
                .orElseThrow();
        model.addAttribute("chain", chain);
        model.addAttribute("liveLink",
                links.resolve(product.workspaceId(), product.productId(), List.of(initiative.value())).get(initiativeId));
        model.addAttribute("dependencyForm", dependencyForm);
        model.addAttribute("riskForm", RiskForm.empty(initiativeId));
        model.addAttribute("flags", data.analysis(DependencyAnalysis.Weight.EFFORT).flags().stream()
                .filter(f -> f.dependentId() == initiativeId || f.requiredId() == initiativeId).map(f -> f.message()).toList());
        model.addAttribute("rank", data.ranking().ranked().stream().filter(r -> r.initiativeId() == initiativeId).findFirst()
                .orElse(null));
        model.addAttribute("missing", Scoring.missing(data.settings().scoringMethod(), initiative.value()));
        model.addAttribute("errors", errors);
        return "roadmap/initiative";
    }

    // ------------------------------------------------------------ dependencies

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/dependencies")
    ModelAndView addDependency(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long initiativeId,
            @ModelAttribute("dependencyForm") DependencyForm form, HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(initiativeId, bound);
        return Submit.of(request, () -> dependencies.add(product.productId(), input))
                .refusedBy(bound)
                .redirect(RoadmapPages.base(product) + "/initiatives/" + initiativeId, "Added the dependency.")
                .orRender(errors -> render(product, initiativeId, form, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/initiatives/{initiativeId}/dependencies/{dependencyId}/delete")
    ModelAndView removeDependency(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long initiativeId,
            @PathVariable long dependencyId, @RequestParam(required = false) Integer version, HttpServletRequest request,
            Model model) {
        return Submit.of(request, () -> dependencies.remove(product.productId(), dependencyId, version))
                .refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/initiatives/" + initiativeId, "Removed the dependency.")
                .orRender(errors -> render(product, initiativeId, DependencyForm.empty(), errors, request, model));
    }
}
