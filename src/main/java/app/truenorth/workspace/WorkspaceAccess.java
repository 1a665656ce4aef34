package app.truenorth.workspace;

import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.cluster.ChangeSignals;
import app.truenorth.platform.cluster.NodeCache;
import app.truenorth.platform.security.AuthenticatedUser;
import app.truenorth.platform.security.Callers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Scopes every request to the caller's workspace and checks their role. Other modules call
 * {@link #product(long, Permission)} before touching anything that belongs to a product: a product of
 * another workspace is "not found" (never "forbidden", so ids cannot be probed), a product the caller
 * can see but not change is "forbidden".
 */
@Service
public class WorkspaceAccess {

    static final String SELECTED_WORKSPACE = "truenorth.workspaceId";
    private static final String MEMBERSHIPS = "memberships.";
    private static final String PRODUCT = "product.";

    /** Announced on every change to a membership or a workspace's name (what the memberships query returns). */
    static final String MEMBERSHIPS_TOPIC = "memberships";
    /** Announced on every change to a product's row (its name, its existence). */
    static final String PRODUCTS_TOPIC = "products";
    /** Bounds what a change made outside the application (by hand in SQL) can miss; changes made here are announced. */
    static final Duration CACHE_AGE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final ChangeSignals signals;
    private final NodeCache<List<Membership>> knownMemberships;
    private final NodeCache<ProductRow> knownProducts;

    WorkspaceAccess(JdbcClient jdbc, ChangeSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.knownMemberships = signals.cache(MEMBERSHIPS_TOPIC, 50_000, CACHE_AGE);
        this.knownProducts = signals.cache(PRODUCTS_TOPIC, 50_000, CACHE_AGE);
    }

    /** The caller's membership in one workspace. */
    public record Membership(long workspaceId, String workspaceName, Role role) {

        public boolean can(Permission permission) {
            return role.allows(permission);
        }
    }

    /**
     * A product the caller may reach, with their role in its workspace. Page and API handlers take it as an
     * argument for a {@code {productId}} path (resolved and checked before the handler runs, see {@link Needs}).
     */
    public record ProductAccess(long productId, long workspaceId, String productName, Role role) {

        public boolean can(Permission permission) {
            return role.allows(permission);
        }

        /** This access when the caller's role allows {@code permission}; "forbidden" otherwise. */
        public ProductAccess require(Permission permission) {
            if (!can(permission)) {
                throw forbidden(role, permission);
            }
            return this;
        }
    }

    /**
     * Every workspace the user belongs to, oldest membership first. Kept for the request (a page asks
     * several times: the current workspace, the switcher, the shell) and by the node until a change to
     * any membership or workspace is announced ({@link #forgetMemberships()}, heard by every node), so
     * a removed member loses access with their next request.
     */
    public List<Membership> memberships(long userId) {
        return RequestMemo.get(MEMBERSHIPS + userId, () -> knownMemberships.get(String.valueOf(userId), () -> List.copyOf(jdbc.sql("""
                select m.workspace_id, w.name, m.role from membership m join workspace w on w.id = m.workspace_id
                where m.user_id = :user order by m.joined_at, m.workspace_id""")
                .param("user", userId)
                .query((rs, i) -> new Membership(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .list())));
    }

    /**
     * Drops what this request and every node know about memberships; called by every change to a
     * membership or workspace, inside its transaction.
     */
    void forgetMemberships() {
        RequestMemo.forget(MEMBERSHIPS);
        signals.changed(MEMBERSHIPS_TOPIC, null);
    }

    /**
     * The workspace the caller is working in: the token's workspace for API calls, otherwise the one
     * chosen in this browser session, otherwise their first.
     */
    public Membership current() {
        AuthenticatedUser caller = Callers.current();
        if (caller.viaToken()) {
            return membership(caller.id(), caller.tokenWorkspaceId())
                    .orElseThrow(() -> new NotFoundException("Workspace"));
        }
        List<Membership> memberships = memberships(caller.id());
        if (sessionAttribute() instanceof Long id) {
            for (Membership m : memberships) {
                if (m.workspaceId() == id) {
                    return m;
                }
            }
        }
        return memberships.stream().findFirst().orElseThrow(() -> new NotFoundException("Workspace"));
    }

    /** The current workspace, provided the caller's role there allows {@code permission}. */
    public Membership require(Permission permission) {
        Membership membership = current();
        if (!membership.can(permission)) {
            throw forbidden(membership.role(), permission);
        }
        return membership;
    }

    /** Switches this browser session to another of the caller's workspaces. */
    public Membership select(long workspaceId) {
        Membership membership = membership(Callers.current().id(), workspaceId)
                .orElseThrow(() -> new NotFoundException("Workspace"));
        RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
        attributes.setAttribute(SELECTED_WORKSPACE, workspaceId, RequestAttributes.SCOPE_SESSION);
        return membership;
    }

    /** A product the caller may reach with the given permission; 404 or 403 otherwise. */
    public ProductAccess product(long productId, Permission permission) {
        AuthenticatedUser caller = Callers.current();
        // the product row is read once per request (the scope guard and the handler both ask) and kept by
        // the node until a product change is announced; the role comes from the memberships, which every
        // membership change forgets at once
        ProductRow product = RequestMemo.get(PRODUCT + productId, () -> knownProducts.get(String.valueOf(productId), () -> jdbc.sql(
                        "select id, workspace_id, name from product where id = :product")
                .param("product", productId)
                .query((rs, i) -> new ProductRow(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional()
                .orElse(ProductRow.NONE)));
        ProductAccess access = membership(caller.id(), product.workspaceId())
                // an API token reaches only its own workspace, even if its owner belongs to others
                .filter(m -> !caller.viaToken() || m.workspaceId() == caller.tokenWorkspaceId())
                .map(m -> new ProductAccess(product.id(), product.workspaceId(), product.name(), m.role()))
                .orElseThrow(() -> new NotFoundException("Product"));
        if (!access.can(permission)) {
            throw forbidden(access.role(), permission);
        }
        return access;
    }

    /** A product's row as {@link #product} reads it; {@code NONE} remembers that it does not exist. */
    private record ProductRow(long id, long workspaceId, String name) {
        static final ProductRow NONE = new ProductRow(-1, -1, "");
    }

    /** Drops what this request and every node know about products; called by every product change, inside its transaction. */
    void forgetProducts() {
        RequestMemo.forget(PRODUCT);
        RequestMemo.forget(Products.LIST);
        signals.changed(PRODUCTS_TOPIC, null);
    }

    /** The node's cache of a topic this class announces; the product list shares the products topic. */
    <V> NodeCache<V> cache(String topic) {
        return signals.cache(topic, 50_000, CACHE_AGE);
    }

    Optional<Membership> membership(long userId, long workspaceId) {
        return memberships(userId).stream().filter(m -> m.workspaceId() == workspaceId).findFirst();
    }

    private static Object sessionAttribute() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : attributes.getAttribute(SELECTED_WORKSPACE, RequestAttributes.SCOPE_SESSION);
    }

    private static ForbiddenException forbidden(Role role, Permission permission) {
        String needed = switch (permission) {
            case ADMIN -> "an owner";
            case EDIT -> "an owner or editor";
            case CONTRIBUTE -> "an owner, editor or contributor";
            case READ -> "a member";
        };
        return new ForbiddenException("As " + role.label().toLowerCase() + " you can't do this; it needs "
                + needed + " of the workspace.");
    }
}
