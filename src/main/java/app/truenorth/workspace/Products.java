package app.truenorth.workspace;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.cluster.NodeCache;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products of a workspace: what strategy sessions, roadmaps and feedback hang from. */
@Service
public class Products {

    static final String LIST = "products.";

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NodeCache<List<Product>> knownLists;

    Products(JdbcClient jdbc, WorkspaceAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.knownLists = access.cache(WorkspaceAccess.PRODUCTS_TOPIC);
    }

    public record Product(long id, long workspaceId, String name, String description, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, int version) {
    }

    /**
     * The workspace's products by name; kept for the request (the page and the layout's switcher both
     * show them) and by the node until a product change is announced.
     */
    public List<Product> list(long workspaceId) {
        return RequestMemo.get(LIST + workspaceId, () -> knownLists.get(String.valueOf(workspaceId), () -> List.copyOf(jdbc.sql("""
                select id, workspace_id, name, description, created_at, updated_at, version
                from product where workspace_id = :ws order by name_key""")
                .param("ws", workspaceId)
                .query((rs, i) -> map(rs))
                .list())));
    }

    /** A product by id; callers have already checked access through {@link WorkspaceAccess#product}. */
    public Product get(long productId) {
        return jdbc.sql("""
                select id, workspace_id, name, description, created_at, updated_at, version
                from product where id = :id""")
                .param("id", productId)
                .query((rs, i) -> map(rs))
                .optional().orElseThrow(() -> new NotFoundException("Product"));
    }

    @Transactional
    public Product create(long workspaceId, String name, String description) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbc.sql("""
                    insert into product (workspace_id, name, name_key, description, created_at, updated_at)
                    values (:ws, :name, :key, :description, :now, :now)""")
                    .param("ws", workspaceId)
                    .param("name", name.trim())
                    .param("key", key(name))
                    .param("description", description == null ? "" : description.trim())
                    .param("now", now)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw duplicateName(name);
        }
        access.forgetProducts();
        Product product = get(keys.getKey().longValue());
        audit.record(workspaceId, "product", product.id(), "created", "Created product " + product.name(), null, product);
        events.publishEvent(new ProductCreated(workspaceId, product.id(), product.name()));
        return product;
    }

    /** Renames and re-describes a product, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public Product update(long productId, String name, String description, int expectedVersion) {
        Product before = get(productId);
        int rows;
        try {
            rows = jdbc.sql("""
                    update product set name = :name, name_key = :key, description = :description, updated_at = :now,
                                       version = version + 1
                    where id = :id and version = :v""")
                    .param("name", name.trim())
                    .param("key", key(name))
                    .param("description", description == null ? "" : description.trim())
                    .param("now", OffsetDateTime.now(clock))
                    .param("id", productId)
                    .param("v", expectedVersion)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateName(name);
        }
        Versioned.requireUpdated(rows, "The product");
        access.forgetProducts();
        Product after = get(productId);
        String summary = before.name().equals(after.name())
                ? "Updated product " + after.name()
                : "Renamed product " + before.name() + " to " + after.name();
        audit.record(after.workspaceId(), "product", productId, "updated", summary, before, after);
        return after;
    }

    private static InvalidInputException duplicateName(String name) {
        return new InvalidInputException("name", "A product named \"" + name.trim() + "\" already exists in this workspace.");
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Product map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Product(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("name"), rs.getString("description"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
