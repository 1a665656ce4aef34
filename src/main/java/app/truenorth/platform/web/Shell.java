package app.truenorth.platform.web;

import java.util.List;

/**
 * What the page layout needs besides the page's own content: title, who is signed in, which product
 * and section are active, the CSRF token for forms and htmx, and whether to render only the content
 * (an htmx request that is not a boosted navigation).
 */
public record Shell(String title, String section, Viewer viewer, ProductNav product, List<ProductNav> products,
        String csrfToken, String csrfParameter, boolean fragment, String flash) {

    /** The signed-in person and their workspace. */
    public record Viewer(String displayName, String email, String workspaceName, String role, boolean canEdit,
            boolean isOwner, List<WorkspaceOption> workspaces, long workspaceId) {
    }

    public record WorkspaceOption(long id, String name) {
    }

    public record ProductNav(long id, String name) {
    }

    /** The product sections, in navigation order: key, label, and a line on what lives there. */
    public static final List<Section> SECTIONS = List.of(
            new Section("overview", "Overview", "Where the product stands across strategy, roadmap and execution."),
            new Section("strategy", "Strategy", "The strategy session: positioning, problem framing, problem statements, market sizing and the go/no-go gate."),
            new Section("alignment", "Alignment", "Alignment workshops: elevator pitch, lean canvas, worst-solution anti-goals, card sorting, story spine and the true-north check."),
            new Section("roadmap", "Roadmap", "Themes, objectives and initiatives across Now, Next and Later, in timeline, horizon, theme, goal and kanban formats."),
            new Section("execution", "Execution", "Weekly check-ins, obstacles, escalations and learnings across teams."),
            new Section("feedback", "Feedback", "Customer feedback linked to initiatives, demand and urgent pain points."),
            new Section("health", "Health", "Checks that catch the classic roadmap pitfalls, with evidence and a suggested fix."));

    public record Section(String key, String label, String purpose) {
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
