package app.truenorth.roadmap.web;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.roadmap.Risks;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.web.RoadmapForms.RiskForm;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The roadmap's risk register, highest exposure first, and for editors the form to add, re-rate or delete
 * a risk. A refused change comes back with the message beside the field; a stale version says someone
 * else changed it.
 */
@Controller
class RisksController {

    private final RoadmapPages pages;
    private final Risks risks;

    RisksController(RoadmapPages pages, Risks risks) {
        this.pages = pages;
        this.risks = risks;
    }

    @GetMapping("/products/{productId}/roadmap/risks")
    String risks(ProductAccess product, @RequestParam(required = false) Long edit, @RequestParam(required = false) Long initiative,
            HttpServletRequest request, Model model) {
        RoadmapData data = pages.load(product);
        RiskForm form = edit == null ? RiskForm.empty(initiative)
                : RiskForm.of(data.risks().stream().filter(r -> r.value().id() == edit).findFirst()
                        .orElseThrow(() -> new NotFoundException("Risk")));
        return render(product, data, form, edit, FormErrors.none(), request, model);
    }

    private String render(ProductAccess product, RoadmapData data, RiskForm form, Long editing, FormErrors errors,
            HttpServletRequest request, Model model) {
        pages.common(model, request, product, "Risks", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        return "roadmap/risks";
    }

    @PostMapping("/products/{productId}/roadmap/risks")
    ModelAndView create(@Needs(Permission.EDIT) ProductAccess product, @ModelAttribute("form") RiskForm form,
            HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        return Submit.of(request, () -> risks.create(product.productId(), input))
                .refusedBy(bound)
                .redirect(RoadmapPages.base(product) + "/risks", "Added risk " + form.title() + ".")
                .orRender(errors -> render(product, pages.load(product), form, null, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/risks/{riskId}")
    ModelAndView update(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long riskId, @ModelAttribute("form") RiskForm form,
            HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        Integer version = bound.version();
        return Submit.of(request, () -> risks.update(product.productId(), riskId, input, version))
                .refusedBy(bound)
                .redirect(RoadmapPages.base(product) + "/risks", "Saved risk " + form.title() + ".")
                .orRender(errors -> render(product, pages.load(product), form, riskId, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/risks/{riskId}/delete")
    ModelAndView delete(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long riskId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, Model model) {
        return Submit.of(request, () -> risks.delete(product.productId(), riskId, version))
                .refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/risks", "Deleted the risk.")
                .orRender(errors -> render(product, pages.load(product), RiskForm.empty(null), null, errors, request, model));
    }
}
