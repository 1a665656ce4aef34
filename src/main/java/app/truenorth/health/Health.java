package app.truenorth.health;

import app.truenorth.health.rules.AudienceLinks;
import app.truenorth.health.rules.HealthChecks;
import app.truenorth.health.rules.HealthInput;
import app.truenorth.health.rules.HealthReport;
import app.truenorth.health.rules.Thresholds;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.Problems;
import app.truenorth.platform.audit.AuditEntry;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Snapshots;
import app.truenorth.views.Views;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the health rules on a product's stored roadmap and keeps its thresholds. The inputs: the roadmap,
 * its thresholds and declared anti-goals (this module's own), the live share links per audience and view
 * (the views module), and each initiative's last activity from the roadmap's own audit trail (creation,
 * edits, moves and stage changes) until execution check-ins exist. Worst-solution anti-goals from
 * alignment workshops will join the declared ones once that module exists.
 */
@Service
public class Health {

    /** How far back the audit trail is read for last activity; older initiatives are simply not judged. */
    static final int ACTIVITY_WINDOW = 500;

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final Roadmaps roadmaps;
    private final Snapshots snapshots;
    private final AuditLog audit;
    private final AntiGoals antiGoals;
    private final Dismissals dismissals;
    private final Views views;
    private final Clock clock;

    Health(JdbcClient jdbc, WorkspaceAccess access, Roadmaps roadmaps, Snapshots snapshots, AuditLog audit, AntiGoals antiGoals, Dismissals dismissals,
            Views views, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.roadmaps = roadmaps;
        this.snapshots = snapshots;
        this.audit = audit;
        this.antiGoals = antiGoals;
        this.dismissals = dismissals;
        this.views = views;
        this.clock = clock;
    }

    /** What a thresholds form or API call proposes; any field may be missing and is then reported. */
    public record ThresholdsInput(BigDecimal featureSizeWeeks, Integer maxFeatureSizedPercent, BigDecimal nowCapacityWeeks,
            Integer maxNowPercent, Integer antiGoalMatchPercent) {

        public static ThresholdsInput of(Thresholds t) {
            return new ThresholdsInput(t.featureSizeWeeks(), t.maxFeatureSizedPercent(), t.nowCapacityWeeks(), t.maxNowPercent(),
                    t.antiGoalMatchPercent());
        }
    }

    public HealthCheck check(long productId) {
        ProductAccess product = access.product(productId, Permission.READ);
        RoadmapData data = roadmaps.load(productId);
        StoredThresholds thresholds = thresholds(product);
        LocalDate today = LocalDate.now(clock);
        LocalDate lastSnapshot = snapshots.list(productId).stream().findFirst()
                .map(s -> s.takenAt().atZoneSameInstant(clock.getZone()).toLocalDate()).orElse(null);
        List<AntiGoals.AntiGoal> declared = antiGoals.list(product);
        List<AudienceLinks> audiences = audiences(productId);
        HealthInput input = new HealthInput(data.initiativeList(), data.dependencyList(), data.settings().reviewCadenceDays(),
                data.settings().lastReviewedOn(), lastSnapshot, lastActivity(product), audiences,
                declared.stream().map(AntiGoals.AntiGoal::text).toList(), dismissals.forRules(product), today);
        HealthReport report = HealthChecks.run(input, thresholds.thresholds());
        return new HealthCheck(data, report, thresholds, today, lastSnapshot, declared, audiences, dismissals.list(product, data));
    }

    /**
     * The live share links as the one-size-fits-all rule reads them: per audience holding links and view
     * shown, named for people ("Sales", "Customers and partners") and by the view's title, with the links' own names.
     */
    private List<AudienceLinks> audiences(long productId) {
        return views.liveShares(productId).stream()
                .map(s -> new AudienceLinks(s.sharedWith().people(), s.view().label(), s.customerSafe(),
                        s.sharedWith().external(), s.labels().size(), s.labels()))
                .toList();
    }

    public StoredThresholds thresholds(long productId) {
        return thresholds(access.product(productId, Permission.READ));
    }

    @Transactional
    public StoredThresholds updateThresholds(long productId, ThresholdsInput in, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        new Problems().addAll(Thresholds.problems(in.featureSizeWeeks(), in.maxFeatureSizedPercent(), in.nowCapacityWeeks(),
                in.maxNowPercent(), in.antiGoalMatchPercent())).throwIfAny();
        Thresholds proposed = new Thresholds(in.featureSizeWeeks(), in.maxFeatureSizedPercent(), in.nowCapacityWeeks(),
                in.maxNowPercent(), in.antiGoalMatchPercent());
        StoredThresholds before = thresholds(product);
        int rows;
        if (expectedVersion == 0 && before.defaults()) {
            try {
                rows = jdbc.sql("""
                        insert into health_thresholds (product_id, workspace_id, feature_size_weeks, max_feature_sized_percent,
                            now_capacity_weeks, max_now_percent, anti_goal_match_percent, version, updated_at)
                        values (:p, :ws, :fs, :mfs, :cap, :mn, :ag, 1, :now)""")
                        .params(params(product, proposed)).update();
            } catch (DuplicateKeyException e) {
                rows = 0; // saved by someone else a moment ago: theirs must not be overwritten
            }
        } else {
            rows = jdbc.sql("""
                    update health_thresholds set feature_size_weeks = :fs, max_feature_sized_percent = :mfs,
                        now_capacity_weeks = :cap, max_now_percent = :mn, anti_goal_match_percent = :ag,
                        version = version + 1, updated_at = :now
                    where product_id = :p and workspace_id = :ws and version = :v""")
                    .params(params(product, proposed)).param("v", expectedVersion).update();
        }
        if (rows == 0) {
            throw ConflictException.staleVersion("The health thresholds");
        }
        StoredThresholds after = thresholds(product);
        audit.record(product.workspaceId(), "health_thresholds", productId, "updated",
                "Changed the health thresholds of " + product.productName(), before, after);
        return after;
    }

    private Map<String, Object> params(ProductAccess product, Thresholds t) {
        Map<String, Object> p = new HashMap<>();
        p.put("p", product.productId());
        p.put("ws", product.workspaceId());
        p.put("fs", t.featureSizeWeeks());
        p.put("mfs", t.maxFeatureSizedPercent());
        p.put("cap", t.nowCapacityWeeks());
        p.put("mn", t.maxNowPercent());
        p.put("ag", t.antiGoalMatchPercent());
        p.put("now", OffsetDateTime.now(clock));
        return p;
    }

    private StoredThresholds thresholds(ProductAccess product) {
        Optional<StoredThresholds> stored = jdbc.sql("""
                select feature_size_weeks, max_feature_sized_percent, now_capacity_weeks, max_now_percent,
                    anti_goal_match_percent, version
                from health_thresholds where product_id = :p and workspace_id = :ws""")
                .param("p", product.productId()).param("ws", product.workspaceId())
                .query((rs, i) -> new StoredThresholds(product.productId(), new Thresholds(rs.getBigDecimal(1), rs.getInt(2),
                        rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5)), rs.getInt(6)))
                .optional();
        return stored.orElse(new StoredThresholds(product.productId(), Thresholds.DEFAULTS, 0));
    }

    /** The day of each initiative's latest change in the roadmap's audit trail (most recent entries only). */
    private Map<Long, LocalDate> lastActivity(ProductAccess product) {
        Map<Long, LocalDate> last = new HashMap<>();
        for (AuditEntry e : audit.recent(product.workspaceId(), "roadmap_initiative", ACTIVITY_WINDOW)) {
            try {
                // newest first, so the first entry per initiative is its latest
                last.putIfAbsent(Long.parseLong(e.entityId()), e.at().atZoneSameInstant(clock.getZone()).toLocalDate());
            } catch (NumberFormatException ignored) {
                // not an initiative id
            }
        }
        return last;
    }
}
