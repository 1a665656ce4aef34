package app.truenorth.roadmap.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.roadmap.Decisions;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.web.RoadmapForms.DecisionForm;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roadmap's decision log page: every decision with its reasons, the strategy sessions' go/no-go
 * decisions beside them, and (for editors) the form to record or change one. A refused change comes back
 * with the message beside the field (422); a stale version says someone else changed it (409).
 */
@Controller
class DecisionsController {

    private final WorkspaceAccess access;
    private final ShellFactory shells;
    private final Roadmaps roadmaps;
    private final Decisions decisions;
    private final Clock clock;

    DecisionsController(WorkspaceAccess access, ShellFactory shells, Roadmaps roadmaps, Decisions decisions, Clock clock) {
        this.access = access;
        this.shells = shells;
        this.roadmaps = roadmaps;
        this.decisions = decisions;
        this.clock = clock;
    }

    private static String base(long productId) {
        return "/products/" + productId + "/roadmap";
    }

    @GetMapping("/products/{productId}/roadmap/decisions")
    String list(@PathVariable long productId, @RequestParam(required = false) Long edit,
            @RequestParam(required = false) Long initiative, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        RoadmapData data = roadmaps.load(productId);
        DecisionForm form = edit == null ? DecisionForm.empty(LocalDate.now(clock), Callers.current().id(), initiative)
                : DecisionForm.of(data.decision(edit).orElseThrow(() -> new NotFoundException("Decision")));
        return render(product, data, form, edit, request, model);
    }

    private String render(ProductAccess product, RoadmapData data, DecisionForm form, Long editing, HttpServletRequest request,
            Model model) {
        model.addAttribute("shell", shells.product(request, product, "Decisions · " + product.productName(), "roadmap"));
        model.addAttribute("data", data);
        model.addAttribute("base", base(product.productId()));
        model.addAttribute("canEdit", product.can(Permission.EDIT));
        model.addAttribute("strategy", decisions.strategyDecisions(product.productId()));
        model.addAttribute("deciders", decisions.deciders(product.productId()));
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "roadmap/decisions";
    }

    @PostMapping("/products/{productId}/roadmap/decisions")
    String create(@PathVariable long productId, @ModelAttribute("form") DecisionForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        try {
            var saved = decisions.create(productId, form.input());
            redirect.addFlashAttribute(ShellFactory.FLASH, "Recorded the decision “" + saved.value().title() + "”.");
            return "redirect:" + base(productId) + "/decisions#decision-" + saved.value().id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e.fieldErrors()));
        }
        return render(product, roadmaps.load(productId), form, null, request, model);
    }

    @PostMapping("/products/{productId}/roadmap/decisions/{decisionId}")
    String update(@PathVariable long productId, @PathVariable long decisionId, @ModelAttribute("form") DecisionForm form,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        try {
            if (form.version() == null) {
                throw new InvalidInputException("version", "The form is missing its version; reload the page and try again.");
            }
            var saved = decisions.update(productId, decisionId, form.input(), form.version());
            redirect.addFlashAttribute(ShellFactory.FLASH, "Saved the decision “" + saved.value().title() + "”.");
            return "redirect:" + base(productId) + "/decisions#decision-" + decisionId;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e.fieldErrors()));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
        }
        return render(product, roadmaps.load(productId), form, decisionId, request, model);
    }

    @PostMapping("/products/{productId}/roadmap/decisions/{decisionId}/delete")
    String delete(@PathVariable long productId, @PathVariable long decisionId, @RequestParam(required = false) Integer version,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var product = access.product(productId, Permission.EDIT);
        try {
            if (version == null) {
                throw new InvalidInputException("version", "The form is missing its version; reload the page and try again.");
            }
            decisions.delete(productId, decisionId, version);
            redirect.addFlashAttribute(ShellFactory.FLASH, "Deleted the decision.");
            return "redirect:" + base(productId) + "/decisions";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.global(String.join(" ", e.fieldErrors().values())));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.global(e.getMessage()));
        }
        return render(product, roadmaps.load(productId), DecisionForm.empty(LocalDate.now(clock), Callers.current().id(), null), null,
                request, model);
    }
}
