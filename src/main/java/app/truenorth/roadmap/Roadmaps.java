package app.truenorth.roadmap;

import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.SettingsInput;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's strategic roadmap as a whole: reads it in one go, and keeps its own settings (how it ranks
 * initiatives, how often it is reviewed, when it last was). Its pieces change through their own services
 * ({@link Themes}, {@link Objectives}, {@link Initiatives}, {@link Dependencies}, {@link Risks},
 * {@link Decisions}, {@link Snapshots}), each checked, audited and versioned. Every method starts with
 * {@link WorkspaceAccess#product}, so a caller only ever reaches roadmaps of their own workspace, and
 * only editors and owners change them.
 */
@Service
public class Roadmaps {

    private static final String SELECT = """
            select id, product_id, workspace_id, scoring_method, review_cadence_days, last_reviewed_on, version
            from roadmap where product_id = :product""";

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final RoadmapReader reader;

    Roadmaps(JdbcClient jdbc, WorkspaceAccess access, AuditLog audit, Clock clock, RoadmapReader reader) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.reader = reader;
    }

    /** A product the caller reached, and its roadmap's id: what every roadmap query is scoped by. */
    record Target(ProductAccess product, long roadmapId) {

        long workspaceId() {
            return product.workspaceId();
        }
    }

    // ---------------------------------------------------------------- reading

    /** The whole roadmap of a product the caller may read (created with defaults on first use). */
    public RoadmapData load(long productId) {
        ProductAccess product = access.product(productId, Permission.READ);
        return reader.read(product.productName(), settings(product));
    }

    public RoadmapSettings settings(long productId) {
        return settings(access.product(productId, Permission.READ));
    }

    /**
     * The roadmap behind a share link, read without a signed-in caller. Only for the views module, after
     * it has verified the link's token for exactly this product and workspace; the audience rules then
     * decide what of it anyone sees. Empty when the product has no roadmap yet.
     */
    public Optional<RoadmapData> loadShared(long workspaceId, long productId, String productName) {
        return find(productId).filter(s -> s.workspaceId() == workspaceId).map(s -> reader.read(productName, s));
    }

    /** The roadmap of a product the caller may change: for the services of the roadmap's pieces. */
    Target editable(long productId) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        return new Target(product, settings(product).id());
    }

    /** The roadmap of a product the caller may read. */
    Target readable(long productId) {
        ProductAccess product = access.product(productId, Permission.READ);
        return new Target(product, settings(product).id());
    }

    /** The whole roadmap of a product the caller reached already. */
    RoadmapData read(ProductAccess product) {
        return reader.read(product.productName(), settings(product));
    }

    // ---------------------------------------------------------------- settings

    @Transactional
    public RoadmapSettings updateSettings(long productId, SettingsInput input, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        RoadmapSettings before = settings(product);
        Map<String, String> problems = new LinkedHashMap<>();
        if (input.scoringMethod() == null) {
            problems.put("scoringMethod", "must be one of RICE, ICE, WSJF, VALUE_EFFORT");
        }
        if (input.reviewCadenceDays() < 1 || input.reviewCadenceDays() > 366) {
            problems.put("reviewCadenceDays", "must be from 1 to 366 days");
        }
        RoadmapChecks.check(problems);
        int rows = jdbc.sql("""
                update roadmap set scoring_method = :method, review_cadence_days = :cadence, updated_at = :now,
                                   version = version + 1
                where id = :id and version = :v""")
                .param("method", input.scoringMethod().name()).param("cadence", input.reviewCadenceDays())
                .param("now", now()).param("id", before.id()).param("v", expectedVersion).update();
        Versioned.requireUpdated(rows, "The roadmap");
        RoadmapSettings after = settings(product);
        audit.record(product.workspaceId(), "roadmap", after.id(), "updated",
                "Roadmap of " + product.productName() + " ranks by " + after.scoringMethod().label() + ", reviewed every "
                        + after.reviewCadenceDays() + " days", before, after);
        return after;
    }

    /** Records that the team reviewed the roadmap today. */
    @Transactional
    public RoadmapSettings markReviewed(long productId, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        RoadmapSettings before = settings(product);
        int rows = jdbc.sql("""
                update roadmap set last_reviewed_on = :today, updated_at = :now, version = version + 1
                where id = :id and version = :v""")
                .param("today", LocalDate.now(clock)).param("now", now()).param("id", before.id())
                .param("v", expectedVersion).update();
        Versioned.requireUpdated(rows, "The roadmap");
        RoadmapSettings after = settings(product);
        audit.record(product.workspaceId(), "roadmap", after.id(), "reviewed", "Reviewed the roadmap of " + product.productName(),
                before, after);
        return after;
    }

    // ---------------------------------------------------------------- the roadmap row

    /** The product's roadmap row, created with defaults the first time anyone opens it. */
    private RoadmapSettings settings(ProductAccess product) {
        return settings(product.productId(), product.workspaceId());
    }

    /**
     * The same for a product whose workspace the caller has checked already (a strategy session's hand-off,
     * which has no signed-in caller).
     */
    RoadmapSettings settings(long productId, long workspaceId) {
        Optional<RoadmapSettings> existing = find(productId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("""
                    insert into roadmap (product_id, workspace_id, created_at, updated_at)
                    values (:product, :ws, :now, :now)""")
                    .param("product", productId).param("ws", workspaceId).param("now", now()).update();
        } catch (DuplicateKeyException e) {
            // someone else opened it at the same moment; theirs is as good as ours
        }
        return find(productId).orElseThrow();
    }

    private Optional<RoadmapSettings> find(long productId) {
        return jdbc.sql(SELECT).param("product", productId)
                .query((rs, i) -> new RoadmapSettings(rs.getLong("id"), rs.getLong("product_id"), rs.getLong("workspace_id"),
                        ScoringMethod.valueOf(rs.getString("scoring_method")), rs.getInt("review_cadence_days"),
                        Columns.date(rs, "last_reviewed_on"), rs.getInt("version")))
                .optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
