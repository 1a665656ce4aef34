package app.truenorth.roadmap.web;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.web.RoadmapForms.DecisionForm;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The roadmap's decision log page: every decision with its reasons, the strategy sessions' go/no-go
 * decisions beside them, and (for editors) the form to record or change one. A refused change comes back
 * with the message beside the field (422); a stale version says someone else changed it (409).
 */
@Controller
class DecisionsController {

    private final RoadmapPages pages;
    private final Decisions decisions;
    private final Clock clock;

    DecisionsController(RoadmapPages pages, Decisions decisions, Clock clock) {
        this.pages = pages;
        this.decisions = decisions;
        this.clock = clock;
    }

    @GetMapping("/products/{productId}/roadmap/decisions")
    String list(ProductAccess product, @RequestParam(required = false) Long edit, @RequestParam(required = false) Long initiative,
            HttpServletRequest request, Model model) {
        RoadmapData data = pages.load(product);
        DecisionForm form = edit == null ? DecisionForm.empty(LocalDate.now(clock), Callers.current().id(), initiative)
                : DecisionForm.of(data.decision(edit).orElseThrow(() -> new NotFoundException("Decision")));
        return render(product, data, form, edit, FormErrors.none(), request, model);
    }

    private String render(ProductAccess product, RoadmapData data, DecisionForm form, Long editing, FormErrors errors,
            HttpServletRequest request, Model model) {
        pages.common(model, request, product, "Decisions", data);
        model.addAttribute("strategy", decisions.strategyDecisions(product.productId()));
        model.addAttribute("deciders", decisions.deciders(product.productId()));
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        return "roadmap/decisions";
    }

    @PostMapping("/products/{productId}/roadmap/decisions")
    ModelAndView create(@Needs(Permission.EDIT) ProductAccess product, @ModelAttribute("form") DecisionForm form,
            HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        return Submit.of(request, () -> decisions.create(product.productId(), input))
                .refusedBy(bound)
                .redirect(saved -> RoadmapPages.base(product) + "/decisions#decision-" + saved.value().id(),
                        saved -> "Recorded the decision “" + saved.value().title() + "”.")
                .orRender(errors -> render(product, pages.load(product), form, null, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/decisions/{decisionId}")
    ModelAndView update(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long decisionId,
            @ModelAttribute("form") DecisionForm form, HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        Integer version = bound.version();
        return Submit.of(request, () -> decisions.update(product.productId(), decisionId, input, version))
                .refusedBy(bound)
                .redirect(saved -> RoadmapPages.base(product) + "/decisions#decision-" + decisionId,
                        saved -> "Saved the decision “" + saved.value().title() + "”.")
                .orRender(errors -> render(product, pages.load(product), form, decisionId, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/decisions/{decisionId}/delete")
    ModelAndView delete(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long decisionId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, Model model) {
        return Submit.of(request, () -> decisions.delete(product.productId(), decisionId, version))
                .refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/decisions", "Deleted the decision.")
                // the delete button sits in the list, where no field can carry a message: every one goes on top
                .orRender(errors -> render(product, pages.load(product),
                        DecisionForm.empty(LocalDate.now(clock), Callers.current().id(), null), null, errors.asGlobal(), request,
                        model));
    }
}
