package app.truenorth.workspace.web;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.web.FormErrors;
import app.truenorth.platform.web.ProductNavigation;
import app.truenorth.platform.web.ProductSection;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.ShellFactory;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    String create(@Valid @ModelAttribute("form") Forms.ProductForm form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var membership = access.require(Permission.EDIT);
        FormErrors errors = FormErrors.of(binding);
        if (!errors.any()) {
            try {
                var product = products.create(membership.workspaceId(), form.name(), form.description());
                redirect.addFlashAttribute(ShellFactory.FLASH, "Created " + product.name() + ".");
                return "redirect:/products/" + product.id();
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e.fieldErrors());
            }
        }
        response.setStatus(422);
        return renderList(request, model, form, errors);
    }

    @GetMapping("/products/{productId}")
    String overview(@PathVariable long productId, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
        model.addAttribute("shell", shells.product(request, product, product.productName(), "overview"));
        model.addAttribute("product", products.get(productId));
        return "workspace/product-overview";
    }

    @GetMapping("/products/{productId}/settings")
    String settings(@PathVariable long productId, HttpServletRequest request, Model model) {
        access.product(productId, Permission.EDIT);
        var product = products.get(productId);
        return renderSettings(request, model, productId,
                new Forms.ProductForm(product.name(), product.description(), product.version()), FormErrors.none());
    }

    @PostMapping("/products/{productId}/settings")
    String update(@PathVariable long productId, @Valid @ModelAttribute("form") Forms.ProductForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        access.product(productId, Permission.EDIT);
        FormErrors errors = FormErrors.of(binding);
        if (form.version() == null) {
            errors.add("name", "The form is missing its version; reload the page.");
        }
        if (!errors.any()) {
            try {
                var product = products.update(productId, form.name(), form.description(), form.version());
                redirect.addFlashAttribute(ShellFactory.FLASH, "Saved " + product.name() + ".");
                return "redirect:/products/" + productId;
            } catch (InvalidInputException e) {
                errors = FormErrors.of(e.fieldErrors());
            } catch (ConflictException e) {
                errors = FormErrors.global(e.getMessage());
                response.setStatus(409);
                // show what is there now, so the person can re-apply their change to it
                var current = products.get(productId);
                model.addAttribute("current", current);
                return renderSettings(request, model, productId,
                        new Forms.ProductForm(form.name(), form.description(), current.version()), errors);
            }
        }
        response.setStatus(422);
        return renderSettings(request, model, productId, form, errors);
    }

    /** Sections whose modules have not landed yet ({@link SectionsToCome}): an empty state saying what will be there. */
    @GetMapping("/products/{productId}/{section:alignment|execution|feedback}")
    String section(@PathVariable long productId, @PathVariable String section, HttpServletRequest request, Model model) {
        var product = access.product(productId, Permission.READ);
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

    private String renderSettings(HttpServletRequest request, Model model, long productId, Forms.ProductForm form,
            FormErrors errors) {
        var product = access.product(productId, Permission.EDIT);
        model.addAttribute("shell", shells.product(request, product, "Settings · " + product.productName(), "settings"));
        model.addAttribute("productId", productId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "workspace/product-settings";
    }
}
