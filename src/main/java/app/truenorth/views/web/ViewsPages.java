package app.truenorth.views.web;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.Submit;
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
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Views & sharing" page of a roadmap, the audience pages and their exports. */
@Controller
class ViewsPages {

    static final String AUDIENCES = "{audience:executive|engineering|sales|customer}";
    static final String FORMATS = "{format:md|csv|json|pdf|svg|png}";

    private final ShellFactory shells;
    private final Views views;
    private final ViewExports exports;
    private final ExportJobs jobs;
    private final Clock clock;
    private final LinkBuilder links;

    ViewsPages(ShellFactory shells, Views views, ViewExports exports, ExportJobs jobs, Clock clock, LinkBuilder links) {
        this.links = links;
        this.jobs = jobs;
        this.shells = shells;
        this.views = views;
        this.exports = exports;
        this.clock = clock;
    }

    /** A preset form as posted: check boxes come as lists of names, numbers as typed. */
    record PresetForm(List<String> fields, String externalOnly, List<String> horizons, String maxItems, String maxRisks,
            String precision, String keyDecisionsOnly, String maxDecisions, Integer version) {
    }

    @GetMapping("/products/{productId}/views")
    String index(ProductAccess product, HttpServletRequest request, Model model) {
        return render(product, request, model, null, null, FormErrors.none(), FormErrors.none(), null);
    }

    private String render(ProductAccess product, HttpServletRequest request, Model model, NewLink created, Audience editing,
            FormErrors presetErrors, FormErrors linkErrors, LinkForm linkForm) {
        long productId = product.productId();
        String base = "/products/" + productId + "/views";
        model.addAttribute("shell", shells.product(request, product, "Views & sharing · " + product.productName(), "roadmap"));
        model.addAttribute("page", new IndexPage(productId, product.productName(), base, product.can(Permission.EDIT),
                views.presets(productId), views.links(productId), OffsetDateTime.now(clock), created, editing, presetErrors, linkErrors,
                linkForm));
        return "views/index";
    }

    @GetMapping("/products/{productId}/views/" + AUDIENCES)
    String audience(ProductAccess product, @PathVariable String audience, HttpServletRequest request, Model model) {
        long productId = product.productId();
        Audience a = audience(audience);
        AudienceView view = views.view(productId, a);
        model.addAttribute("shell", shells.product(request, product, view.title(), "roadmap"));
        model.addAttribute("view", view);
        model.addAttribute("base", "/products/" + productId + "/views");
        model.addAttribute("viaJob", view.items().size() > ExportJobs.BIG);
        return "views/audience";
    }

    @GetMapping("/products/{productId}/views/" + AUDIENCES + "/export/" + FORMATS)
    ResponseEntity<byte[]> export(ProductAccess product, @PathVariable String audience, @PathVariable String format) {
        AudienceView view = views.view(product.productId(), audience(audience));
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
    String job(ProductAccess product, @PathVariable String jobId, HttpServletRequest request, Model model) {
        long productId = product.productId();
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
    ModelAndView savePreset(@Needs(Permission.EDIT) ProductAccess product, @PathVariable String audience, PresetForm posted,
            HttpServletRequest request, Model model) {
        Audience a = audience(audience);
        FormBinder form = FormBinder.of(posted);
        Views.PresetInput input = input(form);
        Integer version = form.version();
        return Submit.of(request, () -> views.updatePreset(product.productId(), a, input, version))
                .refusedBy(form)
                .redirect("/products/" + product.productId() + "/views", "Saved the " + a.label() + " view.")
                .orRender(errors -> render(product, request, model, null, a, errors, FormErrors.none(), null));
    }

    /** The preset form as typed values; what cannot be read is a problem of its field. */
    static Views.PresetInput input(FormBinder form) {
        Set<ViewField> fields = form.field("fields").choices(ViewField.class, f -> "unknown field " + f);
        Set<Horizon> horizons = form.field("horizons").choices(Horizon.class, h -> "unknown horizon " + h);
        Integer maxItems = form.field("maxItems").whole();
        Integer maxRisks = form.field("maxRisks").whole();
        Integer maxDecisions = form.field("maxDecisions").whole();
        DatePrecision precision = form.field("precision").choice(DatePrecision.class, "choose exact dates, quarters or Now/Next/Later");
        // an empty number means no limit
        return new Views.PresetInput(fields, form.ticked("externalOnly"), horizons, maxItems == null ? 0 : maxItems,
                maxRisks == null ? 0 : maxRisks, precision, form.ticked("keyDecisionsOnly"), maxDecisions == null ? 0 : maxDecisions);
    }

    @PostMapping("/products/{productId}/views/links")
    ModelAndView createLink(@Needs(Permission.EDIT) ProductAccess product, LinkForm posted, HttpServletRequest request, Model model) {
        FormBinder form = FormBinder.of(posted);
        Audience audience = Audience.parse(posted.audience()).orElse(null);
        Audience sharedWith = form.field("sharedWith").parsed(Audience::parse, "choose who receives the link");
        LocalDate expires = form.field("expiresOn").date("must be a date like 2026-12-31");
        return Submit.of(request, () -> views.createLink(product.productId(), audience, sharedWith, posted.label(), expires, posted.password()))
                .refusedBy(form)
                // shown right here rather than through a redirect: the token must not rest in the session store
                .show(created -> render(product, request, model, new NewLink(created.link().label(), links.absolute("/share/" + created.token())),
                        null, FormErrors.none(), FormErrors.none(), null))
                .orRender(errors -> render(product, request, model, null, null, FormErrors.none(), errors, posted));
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
