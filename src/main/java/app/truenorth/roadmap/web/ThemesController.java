package app.truenorth.roadmap.web;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Themes;
import app.truenorth.roadmap.web.RoadmapForms.ThemeForm;
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
 * The roadmap's themes page: the list, and for editors the form to add, rename or delete one. A refused
 * change comes back with the message beside the field; a stale version says someone else changed it.
 */
@Controller
class ThemesController {

    private final RoadmapPages pages;
    private final Themes themes;

    ThemesController(RoadmapPages pages, Themes themes) {
        this.pages = pages;
        this.themes = themes;
    }

    @GetMapping("/products/{productId}/roadmap/themes")
    String themes(ProductAccess product, @RequestParam(required = false) Long edit, HttpServletRequest request, Model model) {
        RoadmapData data = pages.load(product);
        ThemeForm form = edit == null ? ThemeForm.empty()
                : ThemeForm.of(data.themes().stream().filter(t -> t.value().id() == edit).findFirst()
                        .orElseThrow(() -> new NotFoundException("Theme")));
        return render(product, data, form, edit, FormErrors.none(), request, model);
    }

    private String render(ProductAccess product, RoadmapData data, ThemeForm form, Long editing, FormErrors errors,
            HttpServletRequest request, Model model) {
        pages.common(model, request, product, "Themes", data);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        return "roadmap/themes";
    }

    @PostMapping("/products/{productId}/roadmap/themes")
    ModelAndView create(@Needs(Permission.EDIT) ProductAccess product, @ModelAttribute("form") ThemeForm form,
            HttpServletRequest request, Model model) {
        return Submit.of(request, () -> themes.create(product.productId(), form.input()))
                .redirect(RoadmapPages.base(product) + "/themes", "Added theme " + form.name() + ".")
                .orRender(errors -> render(product, pages.load(product), form, null, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/themes/{themeId}")
    ModelAndView update(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long themeId,
            @ModelAttribute("form") ThemeForm form, HttpServletRequest request, Model model) {
        FormBinder bound = FormBinder.of(form);
        Integer version = bound.version();
        return Submit.of(request, () -> themes.update(product.productId(), themeId, form.input(), version))
                .refusedBy(bound)
                .redirect(RoadmapPages.base(product) + "/themes", "Saved theme " + form.name() + ".")
                .orRender(errors -> render(product, pages.load(product), form, themeId, errors, request, model));
    }

    @PostMapping("/products/{productId}/roadmap/themes/{themeId}/delete")
    ModelAndView delete(@Needs(Permission.EDIT) ProductAccess product, @PathVariable long themeId,
            @RequestParam(required = false) Integer version, HttpServletRequest request, Model model) {
        return Submit.of(request, () -> themes.delete(product.productId(), themeId, version))
                .refusedBy(RoadmapPages.missing(version))
                .redirect(RoadmapPages.base(product) + "/themes", "Deleted the theme; its initiatives now have no theme.")
                .orRender(errors -> render(product, pages.load(product), ThemeForm.empty(), null, errors, request, model));
    }
}
