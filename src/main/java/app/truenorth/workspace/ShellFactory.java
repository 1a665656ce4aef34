package app.truenorth.workspace;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.AuthenticatedUser;
import app.truenorth.platform.security.Callers;
import app.truenorth.platform.web.Pages;
import app.truenorth.platform.web.ProductNavigation;
import app.truenorth.platform.web.Shell;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Builds the layout model for signed-in pages: who is here, their workspace and role, the product
 * switcher and the active section. Every module's page controllers use it, so the shell looks and
 * behaves the same everywhere.
 */
@Service
public class ShellFactory {

    /** Flash attribute name for a one-time confirmation shown at the top of the next page. */
    public static final String FLASH = Pages.FLASH;

    private final WorkspaceAccess access;
    private final Products products;
    private final ProductNavigation navigation;

    ShellFactory(WorkspaceAccess access, Products products, ProductNavigation navigation) {
        this.access = access;
        this.products = products;
        this.navigation = navigation;
    }

    /** A workspace-level page (products, members, account). */
    public Shell workspace(HttpServletRequest request, String title, String section) {
        return build(request, title, section, access.current(), null);
    }

    /** A page inside a product. */
    public Shell product(HttpServletRequest request, WorkspaceAccess.ProductAccess product, String title, String section) {
        // the role comes from the product check just made; the name from this request's memberships
        WorkspaceAccess.Membership membership = new WorkspaceAccess.Membership(product.workspaceId(),
                access.membership(Callers.current().id(), product.workspaceId())
                        .map(WorkspaceAccess.Membership::workspaceName).orElseThrow(() -> new NotFoundException("Workspace")),
                product.role());
        return build(request, title, section, membership, new Shell.ProductNav(product.productId(), product.productName()));
    }

    private Shell build(HttpServletRequest request, String title, String section, WorkspaceAccess.Membership membership,
            Shell.ProductNav product) {
        AuthenticatedUser caller = Callers.current();
        boolean fragment = Pages.wantsFragment(request);
        List<Shell.WorkspaceOption> workspaces = fragment ? List.of()
                : access.memberships(caller.id()).stream().map(m -> new Shell.WorkspaceOption(m.workspaceId(), m.workspaceName())).toList();
        List<Shell.ProductNav> products = fragment ? List.of()
                : this.products.list(membership.workspaceId()).stream().map(p -> new Shell.ProductNav(p.id(), p.name())).toList();
        var viewer = new Shell.Viewer(caller.displayName(), caller.email(), membership.workspaceName(), membership.role().label(),
                membership.can(Permission.EDIT), membership.can(Permission.ADMIN), workspaces, membership.workspaceId());
        return new Shell(title, section, viewer, product, products, Pages.csrfToken(request), Pages.csrfParameter(request),
                fragment, flash(request), product == null ? List.of() : navigation.sections());
    }

    private static String flash(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash == null ? null : (String) flash.get(FLASH);
    }
}
