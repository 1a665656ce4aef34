package app.truenorth.transfer.web;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.transfer.ImportFormat;
import app.truenorth.transfer.ImportJobs;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The roadmap's Import page: upload a file and pick its format, see every row with its status and the
 * dry-run report, then confirm; the import runs in the background and the page polls its progress.
 */
@Controller
class ImportPageController {

    /** Largest upload read (a 50,000-row Jira export is about 15 MB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final ShellFactory shells;
    private final ImportJobs jobs;

    ImportPageController(ShellFactory shells, ImportJobs jobs) {
        this.shells = shells;
        this.jobs = jobs;
    }

    @GetMapping("/products/{productId}/roadmap/import")
    String form(@Needs(Permission.EDIT) ProductAccess product, HttpServletRequest request, Model model) {
        return page(product, request, model, null, "jira-csv", FormErrors.none());
    }

    /**
     * Reads the upload into a preview (nothing is written yet); a missing or unreadable file comes back
     * beside its field on the same step of the import.
     */
    @PostMapping("/products/{productId}/roadmap/import")
    String preview(@Needs(Permission.EDIT) ProductAccess product, @RequestParam(required = false) String format,
            @RequestParam(required = false) MultipartFile file, HttpServletRequest request, Model model) {
        long productId = product.productId();
        ImportFormat parsed = ImportFormat.parse(format).orElse(null);
        FormErrors errors = FormErrors.none();
        if (parsed == null) {
            errors.add("format", "Choose the kind of file.");
        }
        if (file == null || file.isEmpty()) {
            errors.add("file", "Choose a file to import.");
        } else if (file.getSize() > MAX_BYTES) {
            errors.add("file", "The file is larger than 64 MB; split it into several imports.");
        }
        if (errors.any()) {
            return page(product, request, model, null, format, errors);
        }
        try {
            String text = new String(file.getBytes(), StandardCharsets.UTF_8);
            ImportJobs.Upload upload = jobs.preview(productId, parsed, file.getOriginalFilename(), text);
            return page(product, request, model, upload, parsed.code(), FormErrors.none());
        } catch (InvalidInputException e) {
            return page(product, request, model, null, format, FormErrors.of(e.fieldErrors()));
        } catch (IOException e) {
            return page(product, request, model, null, format, FormErrors.none().add("file", "The upload could not be read: "
                    + e.getMessage()));
        }
    }

    @PostMapping("/products/{productId}/roadmap/import/confirm")
    String confirm(@Needs(Permission.EDIT) ProductAccess product, @RequestParam String uploadId,
            @RequestParam(defaultValue = "false") boolean skipRejected, HttpServletRequest request, Model model) {
        ImportJobs.Job job = jobs.start(product.productId(), uploadId, skipRejected);
        return progressPage(product, job, request, model);
    }

    @GetMapping("/products/{productId}/roadmap/import/progress")
    String progress(@Needs(Permission.EDIT) ProductAccess product, @RequestParam String uploadId, HttpServletRequest request,
            Model model) {
        return progressPage(product, jobs.find(product.productId(), uploadId), request, model);
    }

    private String progressPage(ProductAccess product, ImportJobs.Job job, HttpServletRequest request, Model model) {
        model.addAttribute("base", "/products/" + product.productId() + "/roadmap");
        model.addAttribute("job", job);
        if ("true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"))) {
            return "transfer/progress";
        }
        model.addAttribute("shell", shells.product(request, product, "Import · " + product.productName(), "roadmap"));
        model.addAttribute("productName", product.productName());
        return "transfer/importing";
    }

    private String page(ProductAccess product, HttpServletRequest request, Model model, ImportJobs.Upload job, String format,
            FormErrors errors) {
        model.addAttribute("shell", shells.product(request, product, "Import · " + product.productName(), "roadmap"));
        model.addAttribute("productName", product.productName());
        model.addAttribute("base", "/products/" + product.productId() + "/roadmap");
        model.addAttribute("formats", List.of(ImportFormat.values()));
        model.addAttribute("format", format == null ? "" : format);
        model.addAttribute("errors", errors);
        model.addAttribute("job", job);
        return "transfer/import";
    }
}
