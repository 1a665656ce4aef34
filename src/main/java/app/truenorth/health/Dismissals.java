package app.truenorth.health;

import app.truenorth.health.rules.Dismissal;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.AuthenticatedUser;
import app.truenorth.platform.security.Callers;
import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Roadmaps;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anti-goal findings dismissed for one initiative: an editor decides that this initiative, as worded,
 * is not the ruled-out solution, and says why. A dismissal holds while the anti-goal and the
 * initiative's title and description read as they did (a digest of the texts is stored with it), so an
 * edit to either brings the finding back. One per anti-goal and initiative; its reason can be changed
 * and it can be withdrawn, both with the version that was read. Every change is in the audit trail.
 */
@Service
public class Dismissals {

    /** Longest reason accepted. */
    public static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final Roadmaps roadmaps;
    private final AntiGoals antiGoals;
    private final AuditLog audit;
    private final Clock clock;

    Dismissals(JdbcClient jdbc, WorkspaceAccess access, Roadmaps roadmaps, AntiGoals antiGoals, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.roadmaps = roadmaps;
        this.antiGoals = antiGoals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One dismissal as stored, and whether it still holds.
     *
     * @param holds false once the anti-goal's or the initiative's text changed: the finding is back
     */
    public record StoredDismissal(long id, long antiGoalId, String antiGoal, long initiativeId, String initiativeTitle,
            String reason, boolean holds, String dismissedBy, OffsetDateTime dismissedAt, int version, String textsFingerprint) {
    }

    /** A stored row before it is compared with the current texts. */
    private record Row(long id, long antiGoalId, String antiGoal, long initiativeId, String reason, String fingerprint,
            String dismissedBy, OffsetDateTime dismissedAt, int version) {

        StoredDismissal with(RoadmapData roadmap) {
            Optional<Initiative> initiative = roadmap.initiative(initiativeId).map(Stored::value);
            boolean holds = initiative.map(i -> fingerprint.equals(Dismissal.fingerprint(antiGoal, i))).orElse(false);
            return new StoredDismissal(id, antiGoalId, antiGoal, initiativeId, initiative.map(Initiative::title).orElse(""), reason,
                    holds, dismissedBy, dismissedAt, version, fingerprint);
        }

        Dismissal rule() {
            return new Dismissal(antiGoal, initiativeId, reason, fingerprint);
        }
    }

    private static final String SELECT = """
            select d.id, d.anti_goal_id, g.wording, d.initiative_id, d.reason, d.texts_fingerprint, d.dismissed_by_name,
                d.dismissed_at, d.version
            from health_anti_goal_dismissal d join health_anti_goal g on g.id = d.anti_goal_id
            """;

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getInt(9));
    }

    /** The roadmap's dismissals, oldest first, each with whether it still holds. */
    public List<StoredDismissal> list(long productId) {
        ProductAccess product = access.product(productId, Permission.READ);
        RoadmapData roadmap = roadmaps.load(productId);
        return rows(product).stream().map(r -> r.with(roadmap)).toList();
    }

    List<StoredDismissal> list(ProductAccess product, RoadmapData roadmap) {
        return rows(product).stream().map(r -> r.with(roadmap)).toList();
    }

    public StoredDismissal get(long productId, long dismissalId) {
        ProductAccess product = access.product(productId, Permission.READ);
        Row row = find(product, dismissalId).orElseThrow(() -> new NotFoundException("Dismissal"));
        return row.with(roadmaps.load(productId));
    }

    /** The dismissals as the health rules take them (with the digest they were made for). */
    List<Dismissal> forRules(ProductAccess product) {
        return rows(product).stream().map(Row::rule).toList();
    }

    private List<Row> rows(ProductAccess product) {
        return jdbc.sql(SELECT + " where d.product_id = :p and d.workspace_id = :ws order by d.id")
                .param("p", product.productId()).param("ws", product.workspaceId())
                .query((rs, i) -> row(rs)).list();
    }

    private Optional<Row> find(ProductAccess product, long id) {
        return jdbc.sql(SELECT + " where d.id = :id and d.product_id = :p and d.workspace_id = :ws")
                .param("id", id).param("p", product.productId()).param("ws", product.workspaceId())
                .query((rs, i) -> row(rs)).optional();
    }

    /**
     * Dismisses the anti-goal's finding for one initiative (editors). An anti-goal or initiative that is not
     * on this roadmap is refused on its field (the same whether it exists elsewhere or not); a pair dismissed
     * already, with the texts unchanged, is a conflict; one whose dismissal lapsed (a text changed) is
     * dismissed again with the new reason.
     */
    @Transactional
    public StoredDismissal dismiss(long productId, long antiGoalId, long initiativeId, String reason) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        Optional<AntiGoals.AntiGoal> foundGoal = antiGoals.find(product, antiGoalId);
        RoadmapData roadmap = roadmaps.load(productId);
        Optional<Initiative> foundInitiative = roadmap.initiative(initiativeId).map(Stored::value);
        Map<String, String> problems = new LinkedHashMap<>();
        if (foundGoal.isEmpty()) {
            problems.put("antiGoalId", "is not an anti-goal of this roadmap");
        }
        if (foundInitiative.isEmpty()) {
            problems.put("initiativeId", "is not an initiative on this roadmap");
        }
        String why = null;
        try {
            why = reason(reason);
        } catch (InvalidInputException e) {
            problems.putAll(e.fieldErrors());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AntiGoals.AntiGoal goal = foundGoal.get();
        Initiative initiative = foundInitiative.get();
        String fingerprint = Dismissal.fingerprint(goal.text(), initiative);
        AuthenticatedUser caller = Callers.current();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<Row> existing = jdbc.sql(SELECT + " where d.anti_goal_id = :g and d.initiative_id = :i and d.workspace_id = :ws")
                .param("g", antiGoalId).param("i", initiativeId).param("ws", product.workspaceId())
                .query((rs, n) -> row(rs)).optional();
        long id;
        if (existing.isPresent()) {
            Row row = existing.get();
            if (row.fingerprint().equals(fingerprint)) {
                throw new ConflictException("This finding is already dismissed for “" + initiative.title() + "”.");
            }
            int rows = jdbc.sql("""
                    update health_anti_goal_dismissal set reason = :reason, texts_fingerprint = :fp, dismissed_by = :by,
                        dismissed_by_name = :name, dismissed_at = :now, version = version + 1
                    where id = :id and version = :v""")
                    .param("reason", why).param("fp", fingerprint).param("by", caller.id()).param("name", caller.displayName())
                    .param("now", now).param("id", row.id()).param("v", row.version()).update();
            if (rows == 0) {
                throw ConflictException.staleVersion("The dismissal");
            }
            id = row.id();
        } else {
            var keys = new GeneratedKeyHolder();
            try {
                jdbc.sql("""
                        insert into health_anti_goal_dismissal (product_id, workspace_id, anti_goal_id, initiative_id, reason,
                            texts_fingerprint, dismissed_by, dismissed_by_name, dismissed_at, version)
                        values (:p, :ws, :g, :i, :reason, :fp, :by, :name, :now, 1)""")
                        .param("p", productId).param("ws", product.workspaceId()).param("g", antiGoalId).param("i", initiativeId)
                        .param("reason", why).param("fp", fingerprint).param("by", caller.id()).param("name", caller.displayName())
                        .param("now", now).update(keys, "id");
            } catch (DuplicateKeyException e) {
                // dismissed by someone else a moment ago
                throw new ConflictException("This finding is already dismissed for “" + initiative.title() + "”.");
            }
            id = keys.getKeyAs(Number.class).longValue();
        }
        StoredDismissal stored = find(product, id).orElseThrow().with(roadmap);
        audit.record(product.workspaceId(), "health_anti_goal_dismissal", id, "dismissed",
                "Dismissed the anti-goal “" + goal.text() + "” for “" + initiative.title() + "” in " + product.productName()
                        + ": " + why, existing.map(r -> (Object) Map.of("reason", r.reason())).orElse(null), audited(stored));
        return stored;
    }

    /** Changes the reason (editors), naming the version that was read. */
    @Transactional
    public StoredDismissal changeReason(long productId, long dismissalId, String reason, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        Row before = find(product, dismissalId).orElseThrow(() -> new NotFoundException("Dismissal"));
        String why = reason(reason);
        int rows = jdbc.sql("""
                update health_anti_goal_dismissal set reason = :reason, version = version + 1
                where id = :id and workspace_id = :ws and version = :v""")
                .param("reason", why).param("id", dismissalId).param("ws", product.workspaceId()).param("v", expectedVersion).update();
        if (rows == 0) {
            throw ConflictException.staleVersion("The dismissal");
        }
        StoredDismissal after = find(product, dismissalId).orElseThrow().with(roadmaps.load(productId));
        audit.record(product.workspaceId(), "health_anti_goal_dismissal", dismissalId, "updated",
                "Changed the reason for dismissing the anti-goal “" + before.antiGoal() + "” for “" + after.initiativeTitle() + "”",
                Map.of("reason", before.reason()), audited(after));
        return after;
    }

    /**
     * Withdraws a dismissal (editors), so the finding shows again when the pair still matches. With a
     * version, only that version is withdrawn; one withdrawn already is not found.
     */
    @Transactional
    public StoredDismissal withdraw(long productId, long dismissalId, Integer expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        StoredDismissal before = find(product, dismissalId).orElseThrow(() -> new NotFoundException("Dismissal"))
                .with(roadmaps.load(productId));
        int rows = jdbc.sql("delete from health_anti_goal_dismissal where id = :id and workspace_id = :ws"
                        + (expectedVersion == null ? "" : " and version = :v"))
                .param("id", dismissalId).param("ws", product.workspaceId())
                .params(expectedVersion == null ? Map.of() : Map.of("v", expectedVersion)).update();
        if (rows == 0) {
            if (find(product, dismissalId).isPresent()) {
                throw ConflictException.staleVersion("The dismissal");
            }
            throw new NotFoundException("Dismissal");
        }
        audit.record(product.workspaceId(), "health_anti_goal_dismissal", dismissalId, "withdrawn",
                "Withdrew the dismissal of the anti-goal “" + before.antiGoal() + "” for “" + before.initiativeTitle() + "”",
                audited(before), null);
        return before;
    }

    private static Map<String, Object> audited(StoredDismissal d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("antiGoal", d.antiGoal());
        m.put("initiativeId", d.initiativeId());
        m.put("reason", d.reason());
        m.put("version", d.version());
        return m;
    }

    /** The reason, trimmed; required, at most {@value #MAX_REASON} characters. Problems are on the field {@code reason}. */
    static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "is required: say why this initiative is not the ruled-out solution");
        }
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters");
        }
        return why;
    }
}
