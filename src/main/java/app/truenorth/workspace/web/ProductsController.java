package app.truenorth.workspace.web;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.ProductNavigation;
import app.truenorth.platform.web.ProductSection;
import app.truenorth.platform.web.Submit;
import app.truenorth.workspace.Needs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/** The product list, a product's overview, its settings, and the sections still to come. */
@Controller
class ProductsController {

    private final WorkspaceAccess access;
    private final Products products;
    private final ShellFactory shells;
    private final ProductNavigation navigation;

    ProductsController(WorkspaceAccess access, Products products, ShellFactory shells, ProductNavigation navigation) {
        this.access = access;
        this.products = products;
        this.shells = shells;
        this.navigation = navigation;
    }

    @GetMapping("/products")
    String list(HttpServletRequest request, Model model) {
        return renderList(request, model, Forms.ProductForm.empty(), FormErrors.none());
    }

    @PostMapping("/products")
    ModelAndView create(@Valid @ModelAttribute("form") Forms.ProductForm form, BindingResult binding, HttpServletRequest request,
            Model model) {
        var membership = access.require(Permission.EDIT);
        return Submit.of(request, () -> products.create(membership.workspaceId(), form.name(), form.description()))
                .refusedBy(binding)
                .redirect(product -> "/products/" + product.id(), product -> "Created " + product.name() + ".")
                .orRender(errors -> renderList(request, model, form, errors));
    }

    @GetMapping("/products/{productId}")
    String overview(ProductAccess product, HttpServletRequest request, Model model) {
        model.addAttribute("shell", shells.product(request, product, product.productName(), "overview"));
        model.addAttribute("product", products.get(product.productId()));
        return "workspace/product-overview";
    }

    @GetMapping("/products/{productId}/settings")
    String settings(@Needs(Permission.EDIT) ProductAccess product, HttpServletRequest request, Model model) {
        var current = products.get(product.productId());
        return renderSettings(request, model, product,
                new Forms.ProductForm(current.name(), current.description(), current.version()), FormErrors.none());
    }

    @PostMapping("/products/{productId}/settings")
    ModelAndView update(@Needs(Permission.EDIT) ProductAccess product, @Valid @ModelAttribute("form") Forms.ProductForm form,
            BindingResult binding, HttpServletRequest request, Model model) {
        long productId = product.productId();
        FormErrors refused = FormErrors.of(binding);
        if (form.version() == null) {
            refused.add("name", "The form is missing its version; reload the page.");
        }
        return Submit.of(request, () -> products.update(productId, form.name(), form.description(), form.version()))
                .refusedBy(refused)
                .redirect(saved -> "/products/" + productId, saved -> "Saved " + saved.name() + ".")
                .onConflict(errors -> {
                    // show what is there now, so the person can re-apply their change to it
                    var current = products.get(productId);
                    model.addAttribute("current", current);
                    return renderSettings(request, model, product,
                            new Forms.ProductForm(form.name(), form.description(), current.version()), errors);
                })
                .orRender(errors -> renderSettings(request, model, product, form, errors));
    }

    /** Sections whose modules have not landed yet ({@link SectionsToCome}): an empty state saying what will be there. */
    @GetMapping("/products/{productId}/{section:alignment|execution|feedback}")
    String section(ProductAccess product, @PathVariable String section, HttpServletRequest request, Model model) {
        ProductSection meta = navigation.section(section).orElseThrow(() -> new NotFoundException("Page"));
        model.addAttribute("shell", shells.product(request, product, meta.label() + " · " + product.productName(), section));
        model.addAttribute("section", meta);
        return "workspace/product-section";
    }

    private String renderList(HttpServletRequest request, Model model, Forms.ProductForm form, FormErrors errors) {
        var membership = access.current();
        model.addAttribute("shell", shells.workspace(request, "Products", "products"));
        model.addAttribute("products", products.list(membership.workspaceId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workspace/products";
    }

    private String renderSettings(HttpServletRequest request, Model model, ProductAccess product, Forms.ProductForm form,
            FormErrors errors) {
        model.addAttribute("shell", shells.product(request, product, "Settings · " + product.productName(), "settings"));
        model.addAttribute("productId", product.productId());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workspace/product-settings";
    }
}
