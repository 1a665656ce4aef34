package app.truenorth.roadmap.web;

import app.truenorth.platform.web.FormBinder;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page of a product's roadmap shows around its own content: the shell, the roadmap, where it lives, who may edit. */
@Component
class RoadmapPages {

    private final ShellFactory shells;
    private final Roadmaps roadmaps;

    RoadmapPages(ShellFactory shells, Roadmaps roadmaps) {
        this.shells = shells;
        this.roadmaps = roadmaps;
    }

    static String base(long productId) {
        return "/products/" + productId + "/roadmap";
    }

    static String base(ProductAccess product) {
        return base(product.productId());
    }

    /** A delete form's version, as a problem beside nothing (shown at the top) when the page lost it. */
    static FormErrors missing(Integer version) {
        return version == null ? FormErrors.of(Map.of("version", FormBinder.MISSING_VERSION)) : FormErrors.none();
    }

    /** Reads the roadmap and adds it with the page's frame to the model. */
    RoadmapData common(Model model, HttpServletRequest request, ProductAccess product, String title) {
        return common(model, request, product, title, roadmaps.load(product.productId()));
    }

    /** The same for a roadmap the handler has read already. */
    RoadmapData common(Model model, HttpServletRequest request, ProductAccess product, String title, RoadmapData data) {
        model.addAttribute("shell", shells.product(request, product, title + " · " + product.productName(), "roadmap"));
        model.addAttribute("data", data);
        model.addAttribute("base", base(product));
        model.addAttribute("canEdit", product.can(Permission.EDIT));
        return data;
    }

    RoadmapData load(ProductAccess product) {
        return roadmaps.load(product.productId());
    }
}
