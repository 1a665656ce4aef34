package app.truenorth.roadmap.web;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.roadmap.Objectives;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.web.RoadmapForms.ObjectiveForm;
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
 * The roadmap's objectives page: each with its progress, and for editors the form to add one, move it on
 * or delete it. A refused change comes back with the message beside the field; a stale version says
 * someone else changed it.
 */
@Controller
class ObjectivesController {

    private final RoadmapPages pages;
    private final Objectives objectives;

    ObjectivesController(RoadmapPages pages, Objectives objectives) {
        this.pages = pages;
        this.objectives = objectives;
    }

    @GetMapping("/products/{productId}/roadmap/objectives")
    String objectives(ProductAccess product, @RequestParam(required = false) Long edit, HttpServletRequest request, Model model) {
        RoadmapData data = pages.load(product);
        ObjectiveForm form = edit == null ? ObjectiveForm.empty()
                : ObjectiveForm.of(data.objectives().stream().filter(o -> o.value().id() == edit).findFirst()
                        .orElseThrow(() -> new NotFoundException("Objective")));
        return render(product, data, form, edit, FormErrors.none(), request, model);
    }

    private String render(ProductAccess product, RoadmapData data, ObjectiveForm form, Long editing, FormErrors errors,
            HttpServletRequest request, Model model) {
        pages.common(model, request, product, "Objectives", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        return "roadmap/objectives";
    }

    @PostMapping("/products/{productId}/roadmap/objectives")
    ModelAndView create(@Needs(Permission.EDIT) ProductAccess product, @ModelAttribute("form") ObjectiveForm form,
            HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        return Submit.of(request, () -> objectives.create(product.productId(), input))
                .refusedBy(bound)
                .redirect(RoadmapPages.base(product) + "/objectives", "Added objective " + form.title() + ".")
                .orRender(errors -> render(product, pages.load(product), form, null, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/objectives/{objectiveId}")
    ModelAndView update(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long objectiveId,
            @ModelAttribute("form") ObjectiveForm form, HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        var input = form.input(bound);
        Integer version = bound.version();
        return Submit.of(request, () -> objectives.update(product.productId(), objectiveId, input, version))
                .refusedBy(bound)
                .redirect(RoadmapPages.base(product) + "/objectives", "Saved objective " + form.title() + ".")
                .orRender(errors -> render(product, pages.load(product), form, objectiveId, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/objectives/{objectiveId}/delete")
    ModelAndView delete(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long objectiveId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, Model model) {
        return Submit.of(request, () -> objectives.delete(product.productId(), objectiveId, version))
                .refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/objectives", "Deleted the objective.")
                .orRender(errors -> render(product, pages.load(product), ObjectiveForm.empty(), null, errors, request, model));
    }
}
