package app.truenorth.platform.web;

import java.util.List;

/**
 * What the page layout needs besides the page's own content: title, who is signed in, which product
 * and section are active, the CSRF token for forms and htmx, and whether to render only the content
 * (an htmx request that is not a boosted navigation).
 *
 * @param sections the product's sections in navigation order (see {@link ProductNavigation}); empty
 *                 outside a product
 */
public record Shell(String title, String section, Viewer viewer, ProductNav product, List<ProductNav> products,
        String csrfToken, String csrfParameter, boolean fragment, String flash, List<ProductSection> sections) {

    /** The signed-in person and their workspace. */
    public record Viewer(String displayName, String email, String workspaceName, String role, boolean canEdit,
            boolean isOwner, List<WorkspaceOption> workspaces, long workspaceId) {
    }

    public record WorkspaceOption(long id, String name) {
    }

    public record ProductNav(long id, String name) {
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean inProduct() {
        return product != null;
    }

    public boolean active(String key) {
        return key.equals(section);
    }

    public String productPath(String key) {
        return "/products/" + product.id() + ("overview".equals(key) ? "" : "/" + key);
    }
}
