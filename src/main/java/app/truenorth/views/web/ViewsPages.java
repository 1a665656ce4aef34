package app.truenorth.views.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.LinkBuilder;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.views.Audience;
import app.truenorth.views.AudienceView;
import app.truenorth.views.DatePrecision;
import app.truenorth.views.ExportFormat;
import app.truenorth.views.ExportJobs;
import app.truenorth.views.ViewExports;
import app.truenorth.views.ViewField;
import app.truenorth.views.Views;
import app.truenorth.workspace.MemberAction;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Views & sharing" page of a roadmap, the audience pages and their exports. */
@Controller
class ViewsPages {

    static final String AUDIENCES = "{audience:executive|engineering|sales|customer}";
    static final String FORMATS = "{format:md|csv|json|pdf|svg|png}";

    private final WorkspaceAccess access;
    private final ShellFactory shells;
    private final Views views;
    private final ViewExports exports;
    private final ExportJobs jobs;
    private final Clock clock;
    private final LinkBuilder links;

    ViewsPages(WorkspaceAccess access, ShellFactory shells, Views views, ViewExports exports, ExportJobs jobs, Clock clock,
            LinkBuilder links) {
        this.links = links;
        this.jobs = jobs;
        this.access = access;
        this.shells = shells;
        this.views = views;
        this.exports = exports;
        this.clock = clock;
    }

    /** A preset form as posted: check boxes come as lists of names. */
    record PresetForm(List<String> fields, String externalOnly, List<String> horizons, String maxItems, String maxRisks,
            String precision, String keyDecisionsOnly, String maxDecisions, Integer version) {
    }

    @GetMapping("/products/{productId}/views")
    String index(@PathVariable long productId, HttpServletRequest request, Model model) {
        return render(productId, request, model, null, null, FormErrors.none(), FormErrors.none(), null);
    }

    private String render(long productId, HttpServletRequest request, Model model, NewLink created, Audience editing,
            FormErrors presetErrors, FormErrors linkErrors, LinkForm linkForm) {
        var product = access.product(productId, Permission.READ);
        String base = "/products/" + productId + "/views";
        model.addAttribute("shell", shells.product(request, product, "Views & sharing · " + product.productName(), "roadmap"));
        model.addAttribute("page", new IndexPage(productId, product.productName(), base, product.can(Permission.EDIT),
                views.presets(productId), views.links(productId), OffsetDateTime.now(clock), created, editing, presetErrors, linkErrors,
                linkForm));
        return "views/index";
    }

    @GetMapping("/products/{productId}/views/" + AUDIENCES)
    String audience(@PathVariable long productId, @PathVariable String audience, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        Audience a = audience(audience);
        AudienceView view = views.view(productId, a);
        model.addAttribute("shell", shells.product(request, product, view.title(), "roadmap"));
        model.addAttribute("view", view);
        model.addAttribute("base", "/products/" + productId + "/views");
        model.addAttribute("viaJob", view.items().size() > ExportJobs.BIG);
        return "views/audience";
    }

    @GetMapping("/products/{productId}/views/" + AUDIENCES + "/export/" + FORMATS)
    ResponseEntity<byte[]> export(@PathVariable long productId, @PathVariable String audience, @PathVariable String format) {
        access.product(productId, Permission.READ);
        AudienceView view = views.view(productId, audience(audience));
        return Downloads.of(exports, view, ExportFormat.byExtension(format).orElseThrow(() -> new NotFoundException("Export format")));
    }

    /** Starts a background export, for roadmaps big enough that a direct download would keep the page waiting. */
    @MemberAction // starting an export is reading: any member who may see the roadmap may export it
    @PostMapping("/products/{productId}/views/" + AUDIENCES + "/export/" + FORMATS + "/job")
    String startJob(@PathVariable long productId, @PathVariable String audience, @PathVariable String format) {
        var status = jobs.start(productId, audience(audience), ExportFormat.byExtension(format).orElseThrow(() -> new NotFoundException("Export format")));
        return "redirect:/products/" + productId + "/views/jobs/" + status.id();
    }

    @GetMapping("/products/{productId}/views/jobs/{jobId}")
    String job(@PathVariable long productId, @PathVariable String jobId, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        var status = jobs.status(productId, jobId);
        model.addAttribute("shell", shells.product(request, product, "Export · " + product.productName(), "roadmap"));
        model.addAttribute("job", status);
        model.addAttribute("base", "/products/" + productId + "/views");
        return "views/job";
    }

    /** The progress panel alone, polled by the job page until the export is ready. */
    @GetMapping("/products/{productId}/views/jobs/{jobId}/progress")
    String jobProgress(@PathVariable long productId, @PathVariable String jobId, Model model) {
        model.addAttribute("job", jobs.status(productId, jobId));
        model.addAttribute("base", "/products/" + productId + "/views");
        return "views/progress";
    }

    @GetMapping("/products/{productId}/views/jobs/{jobId}/file")
    ResponseEntity<byte[]> jobFile(@PathVariable long productId, @PathVariable String jobId) {
        byte[] file = jobs.file(productId, jobId);
        var status = jobs.status(productId, jobId);
        return Downloads.file(file, status.format(), status.fileName());
    }

    @PostMapping("/products/{productId}/views/" + AUDIENCES + "/preset")
    String savePreset(@PathVariable long productId, @PathVariable String audience, PresetForm form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        Audience a = audience(audience);
        try {
            views.updatePreset(productId, a, input(form), form.version() == null ? -1 : form.version());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(productId, request, model, null, a, FormErrors.of(e.fieldErrors()), FormErrors.none(), null);
        } catch (ConflictException e) {
            response.setStatus(409);
            return render(productId, request, model, null, a, FormErrors.global(e.getMessage()), FormErrors.none(), null);
        }
        redirect.addFlashAttribute(ShellFactory.FLASH, "Saved the " + a.label() + " view.");
        return "redirect:/products/" + productId + "/views";
    }

    static Views.PresetInput input(PresetForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<ViewField> fields = EnumSet.noneOf(ViewField.class);
        for (String f : form.fields() == null ? List.<String>of() : form.fields()) {
            try {
                fields.add(ViewField.valueOf(f));
            } catch (IllegalArgumentException e) {
                problems.put("fields", "unknown field " + f);
            }
        }
        Set<Horizon> horizons = EnumSet.noneOf(Horizon.class);
        for (String h : form.horizons() == null ? List.<String>of() : form.horizons()) {
            try {
                horizons.add(Horizon.valueOf(h));
            } catch (IllegalArgumentException e) {
                problems.put("horizons", "unknown horizon " + h);
            }
        }
        int maxItems = number(form.maxItems(), "maxItems", problems);
        int maxRisks = number(form.maxRisks(), "maxRisks", problems);
        int maxDecisions = number(form.maxDecisions(), "maxDecisions", problems);
        DatePrecision precision = null;
        try {
            precision = form.precision() == null ? null : DatePrecision.valueOf(form.precision());
        } catch (IllegalArgumentException e) {
            problems.put("precision", "choose exact dates, quarters or Now/Next/Later");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Views.PresetInput(fields, ticked(form.externalOnly()), horizons, maxItems, maxRisks, precision,
                ticked(form.keyDecisionsOnly()), maxDecisions);
    }

    private static boolean ticked(String checkbox) {
        return "true".equals(checkbox) || "on".equals(checkbox);
    }

    private static int number(String text, String field, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number");
            return 0;
        }
    }

    @PostMapping("/products/{productId}/views/links")
    String createLink(@PathVariable long productId, LinkForm form, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        try {
            Audience audience = Audience.parse(form.audience()).orElse(null);
            Audience sharedWith = null;
            if (form.sharedWith() != null && !form.sharedWith().isBlank()) {
                sharedWith = Audience.parse(form.sharedWith())
                        .orElseThrow(() -> new InvalidInputException("sharedWith", "choose who receives the link"));
            }
            LocalDate expires = null;
            if (form.expiresOn() != null && !form.expiresOn().isBlank()) {
                try {
                    expires = LocalDate.parse(form.expiresOn().trim());
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("expiresOn", "must be a date like 2026-12-31");
                }
            }
            var created = views.createLink(productId, audience, sharedWith, form.label(), expires, form.password());
            String url = links.absolute("/share/" + created.token());
            // shown right here rather than through a redirect: the token must not rest in the session store
            return render(productId, request, model, new NewLink(created.link().label(), url), null, FormErrors.none(),
                    FormErrors.none(), null);
        } catch (InvalidInputException e) {
            response.setStatus(422); // the form comes back with the message beside the field, as on every page
            return render(productId, request, model, null, null, FormErrors.none(), FormErrors.of(e.fieldErrors()), form);
        }
    }

    @PostMapping("/products/{productId}/views/links/{linkId}/revoke")
    String revoke(@PathVariable long productId, @PathVariable long linkId, RedirectAttributes redirect) {
        var link = views.revokeLink(productId, linkId);
        redirect.addFlashAttribute(ShellFactory.FLASH, "Revoked \"" + link.label() + "\": it no longer opens.");
        return "redirect:/products/" + productId + "/views";
    }

    static Audience audience(String slug) {
        return Audience.parse(slug).orElseThrow(() -> new NotFoundException("Audience"));
    }
}
