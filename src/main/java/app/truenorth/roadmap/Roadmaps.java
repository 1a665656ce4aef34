package app.truenorth.roadmap;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.Callers;
import app.truenorth.roadmap.RoadmapInputs.BulkInitiative;
import app.truenorth.roadmap.RoadmapInputs.DependencyInput;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.RoadmapInputs.ObjectiveInput;
import app.truenorth.roadmap.RoadmapInputs.RiskInput;
import app.truenorth.roadmap.RoadmapInputs.SettingsInput;
import app.truenorth.roadmap.RoadmapInputs.ThemeInput;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.RoadmapDiff;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.SnapshotItem;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.StrategicLink;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.IntConsumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product's strategic roadmap: reads it whole, and changes it one checked, audited, versioned step
 * at a time. Every method starts with {@link WorkspaceAccess#product}, so a caller only ever reaches
 * roadmaps of their own workspace, and only editors and owners change them.
 */
@Service
public class Roadmaps {

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;
    private final RoadmapReader reader;
    private final Products products;
    private final StrategyLinks links;
    private final NamedParameterJdbcTemplate batch;

    Roadmaps(JdbcClient jdbc, NamedParameterJdbcTemplate batch, WorkspaceAccess access, Products products, StrategyLinks links,
            AuditLog audit, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.links = links;
        this.access = access;
        this.products = products;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.reader = new RoadmapReader(jdbc);
    }

    /** A saved snapshot without its items. */
    public record SnapshotInfo(long id, String name, int itemCount, String takenBy, OffsetDateTime takenAt) {
    }

    public record Snapshot(SnapshotInfo info, List<SnapshotItem> items) {
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
        return reader.settings(productId).filter(s -> s.workspaceId() == workspaceId)
                .map(s -> reader.read(productName, s));
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
        check(problems);
        int rows = jdbc.sql("""
                update roadmap set scoring_method = :method, review_cadence_days = :cadence, updated_at = :now,
                                   version = version + 1
                where id = :id and version = :v""")
                .param("method", input.scoringMethod().name()).param("cadence", input.reviewCadenceDays())
                .param("now", now()).param("id", before.id()).param("v", expectedVersion).update();
        requireUpdated(rows, "The roadmap");
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
        requireUpdated(rows, "The roadmap");
        RoadmapSettings after = settings(product);
        audit.record(product.workspaceId(), "roadmap", after.id(), "reviewed", "Reviewed the roadmap of " + product.productName(),
                before, after);
        return after;
    }

    // ---------------------------------------------------------------- themes

    @Transactional
    public Stored<Theme> createTheme(long productId, ThemeInput input) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        checkTheme(input);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into roadmap_theme (roadmap_id, name, name_key, description, created_at, updated_at)
                    values (:r, :name, :key, :description, :now, :now)""")
                    .param("r", roadmapId).param("name", input.name().trim()).param("key", key(input.name()))
                    .param("description", text(input.description())).param("now", now()).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw duplicateTheme(input.name());
        }
        Stored<Theme> theme = reader.theme(roadmapId, keys.getKey().longValue()).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_theme", theme.value().id(), "created", "Added theme " + theme.value().name(),
                null, theme);
        return theme;
    }

    @Transactional
    public Stored<Theme> updateTheme(long productId, long themeId, ThemeInput input, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Theme> before = reader.theme(roadmapId, themeId).orElseThrow(() -> new NotFoundException("Theme"));
        checkTheme(input);
        int rows;
        try {
            rows = jdbc.sql("""
                    update roadmap_theme set name = :name, name_key = :key, description = :description, updated_at = :now,
                                             version = version + 1
                    where id = :id and roadmap_id = :r and version = :v""")
                    .param("name", input.name().trim()).param("key", key(input.name()))
                    .param("description", text(input.description())).param("now", now())
                    .param("id", themeId).param("r", roadmapId).param("v", expectedVersion).update();
        } catch (DuplicateKeyException e) {
            throw duplicateTheme(input.name());
        }
        requireUpdated(rows, "The theme");
        Stored<Theme> after = reader.theme(roadmapId, themeId).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_theme", themeId, "updated", "Updated theme " + after.value().name(), before, after);
        return after;
    }

    /** Deletes a theme; its initiatives stay on the roadmap without a theme (and show up as orphans). */
    @Transactional
    public void deleteTheme(long productId, long themeId, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Theme> before = reader.theme(roadmapId, themeId).orElseThrow(() -> new NotFoundException("Theme"));
        int rows = jdbc.sql("delete from roadmap_theme where id = :id and roadmap_id = :r and version = :v")
                .param("id", themeId).param("r", roadmapId).param("v", expectedVersion).update();
        requireUpdated(rows, "The theme");
        audit.record(product.workspaceId(), "roadmap_theme", themeId, "deleted", "Deleted theme " + before.value().name(), before, null);
    }

    private static void checkTheme(ThemeInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "name", input.name(), 120);
        max(problems, "description", input.description(), 2000);
        check(problems);
    }

    private static InvalidInputException duplicateTheme(String name) {
        return new InvalidInputException("name", "This roadmap already has a theme named \"" + name.trim() + "\".");
    }

    // ---------------------------------------------------------------- objectives

    @Transactional
    public Stored<Objective> createObjective(long productId, ObjectiveInput input) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        checkObjective(input);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roadmap_objective (roadmap_id, title, metric, unit, direction, baseline, target, current_value,
                                               due_on, created_at, updated_at)
                values (:r, :title, :metric, :unit, :direction, :baseline, :target, :current, :due, :now, :now)""")
                .param("r", roadmapId).params(objectiveParams(input)).param("now", now()).update(keys, "id");
        Stored<Objective> objective = reader.objective(roadmapId, keys.getKey().longValue()).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_objective", objective.value().id(), "created",
                "Added objective " + objective.value().title(), null, objective);
        return objective;
    }

    @Transactional
    public Stored<Objective> updateObjective(long productId, long objectiveId, ObjectiveInput input, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Objective> before = reader.objective(roadmapId, objectiveId).orElseThrow(() -> new NotFoundException("Objective"));
        checkObjective(input);
        int rows = jdbc.sql("""
                update roadmap_objective set title = :title, metric = :metric, unit = :unit, direction = :direction,
                       baseline = :baseline, target = :target, current_value = :current, due_on = :due, updated_at = :now,
                       version = version + 1
                where id = :id and roadmap_id = :r and version = :v""")
                .params(objectiveParams(input)).param("now", now())
                .param("id", objectiveId).param("r", roadmapId).param("v", expectedVersion).update();
        requireUpdated(rows, "The objective");
        Stored<Objective> after = reader.objective(roadmapId, objectiveId).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_objective", objectiveId, "updated",
                "Updated objective " + after.value().title() + ": " + after.value().describeProgress(), before, after);
        return after;
    }

    @Transactional
    public void deleteObjective(long productId, long objectiveId, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Objective> before = reader.objective(roadmapId, objectiveId).orElseThrow(() -> new NotFoundException("Objective"));
        int rows = jdbc.sql("delete from roadmap_objective where id = :id and roadmap_id = :r and version = :v")
                .param("id", objectiveId).param("r", roadmapId).param("v", expectedVersion).update();
        requireUpdated(rows, "The objective");
        audit.record(product.workspaceId(), "roadmap_objective", objectiveId, "deleted",
                "Deleted objective " + before.value().title(), before, null);
    }

    private static void checkObjective(ObjectiveInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "title", input.title(), 200);
        required(problems, "metric", input.metric(), 200);
        max(problems, "unit", input.unit(), 20);
        Objective.problems(input.direction(), input.baseline(), input.target()).forEach(problems::putIfAbsent);
        check(problems);
    }

    private static Map<String, Object> objectiveParams(ObjectiveInput input) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", input.title().trim());
        params.put("metric", input.metric().trim());
        params.put("unit", text(input.unit()));
        params.put("direction", input.direction().name());
        params.put("baseline", input.baseline());
        params.put("target", input.target());
        params.put("current", input.current());
        params.put("due", input.due());
        return params;
    }

    // ---------------------------------------------------------------- initiatives

    @Transactional
    public Stored<Initiative> createInitiative(long productId, InitiativeInput input) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Map<String, Object> params = checkInitiative(roadmapId, product.workspaceId(), productId, input);
        long id = insertInitiative(roadmapId, params, input.objectiveIds(), null, null);
        Stored<Initiative> initiative = reader.initiative(roadmapId, id).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_initiative", id, "created",
                "Added initiative " + initiative.value().title() + " in " + initiative.value().horizon().label(), null, initiative);
        return initiative;
    }

    private long insertInitiative(long roadmapId, Map<String, Object> params, List<Long> objectiveIds, Long sourceSessionId,
            Long sourceInitiativeId) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into roadmap_initiative (roadmap_id, title, description, theme_id, horizon, stage, team, effort_low,
                            effort_high, confidence, target_quarter, start_on, end_on, visibility, link_kind, link_ref, link_label,
                            reach, impact, ice_impact, ice_confidence, ice_ease, business_value, time_criticality, risk_reduction,
                            job_size, value_score, source_session_id, source_initiative_id, created_at, updated_at)
                    values (:r, :title, :description, :theme, :horizon, :stage, :team, :effortLow, :effortHigh, :confidence,
                            :quarter, :start, :end, :visibility, :linkKind, :linkRef, :linkLabel, :reach, :impact, :iceImpact,
                            :iceConfidence, :iceEase, :businessValue, :timeCriticality, :riskReduction, :jobSize, :valueScore,
                            :sourceSession, :sourceInitiative, :now, :now)""")
                    .param("r", roadmapId).params(params).param("sourceSession", sourceSessionId)
                    .param("sourceInitiative", sourceInitiativeId).param("now", now()).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This initiative was already handed over from its strategy session.");
        } catch (DataIntegrityViolationException e) {
            throw themeGone(); // the theme was deleted between the check and the insert
        }
        long id = keys.getKey().longValue();
        linkObjectives(id, objectiveIds);
        return id;
    }

    // ---------------------------------------------------------------- hand-off from the strategy session

    /** What a hand-off did: initiatives put on the roadmap, and those skipped because an earlier hand-off already had. */
    public record HandOffResult(List<Long> created, int skipped) {
    }

    /**
     * Takes over a strategy session's drafted initiatives: each becomes an initiative at stage Idea,
     * internal, with its horizon, effort, target quarter and strategic link.
     *
     * <p>This is the one path into the roadmap without a signed-in caller. It is package-private on
     * purpose: only {@link SessionHandOffListener}, which receives the session's own event after its
     * transaction committed, calls it; nothing reachable from a request does. It trusts the event's
     * workspace and product but still checks that the product belongs to that workspace, reads and
     * writes only that product's roadmap, and audits every change as "system" (there is no caller).
     *
     * <p>Idempotent per session initiative: a draft that an earlier hand-off already put on the roadmap
     * is skipped, not updated. From the first hand-off the roadmap owns the initiative, and the team may
     * have moved, re-estimated or re-linked it since; a later delivery must not undo that. A draft whose
     * title an initiative on the roadmap already has is skipped too (the team planned it there first).
     * Only new drafts are added.
     */
    @Transactional
    HandOffResult receiveHandOff(long workspaceId, long productId, long sessionId, List<InitiativeInput> drafts,
            List<Long> sessionInitiativeIds) {
        if (drafts.size() != sessionInitiativeIds.size()) {
            throw new IllegalArgumentException("one session initiative id per draft");
        }
        if (products.get(productId).workspaceId() != workspaceId) {
            throw new NotFoundException("Product");
        }
        long roadmapId = settings(productId, workspaceId).id();
        Set<Long> already = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        jdbc.sql("select source_initiative_id, title from roadmap_initiative where roadmap_id = :r").param("r", roadmapId)
                .query(rs -> {
                    long source = rs.getLong(1);
                    if (!rs.wasNull()) {
                        already.add(source);
                    }
                    titles.add(key(rs.getString(2)));
                });
        List<Long> created = new java.util.ArrayList<>();
        int skipped = 0;
        for (int k = 0; k < drafts.size(); k++) {
            InitiativeInput draft = drafts.get(k);
            Long sourceId = sessionInitiativeIds.get(k);
            if (already.contains(sourceId) || titles.contains(key(draft.title() == null ? "" : draft.title()))) {
                skipped++;
                continue;
            }
            long id = insertInitiative(roadmapId, checkInitiative(roadmapId, workspaceId, productId, draft), draft.objectiveIds(),
                    sessionId, sourceId);
            Stored<Initiative> initiative = reader.initiative(roadmapId, id).orElseThrow();
            audit.record(workspaceId, "roadmap_initiative", id, "created", "Took over initiative " + initiative.value().title()
                    + " from strategy session #" + sessionId + " in " + initiative.value().horizon().label(), null, initiative);
            created.add(id);
            titles.add(key(draft.title()));
        }
        return new HandOffResult(List.copyOf(created), skipped);
    }

    @Transactional
    public Stored<Initiative> updateInitiative(long productId, long initiativeId, InitiativeInput input, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Initiative> before = reader.initiative(roadmapId, initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        Map<String, Object> params = checkInitiative(roadmapId, product.workspaceId(), productId, input);
        int rows;
        try {
            rows = jdbc.sql("""
                    update roadmap_initiative set title = :title, description = :description, theme_id = :theme,
                           horizon = :horizon, stage = :stage, team = :team, effort_low = :effortLow, effort_high = :effortHigh,
                           confidence = :confidence, target_quarter = :quarter, start_on = :start, end_on = :end,
                           visibility = :visibility, link_kind = :linkKind, link_ref = :linkRef, link_label = :linkLabel,
                           reach = :reach, impact = :impact, ice_impact = :iceImpact, ice_confidence = :iceConfidence,
                           ice_ease = :iceEase, business_value = :businessValue, time_criticality = :timeCriticality,
                           risk_reduction = :riskReduction, job_size = :jobSize, value_score = :valueScore, updated_at = :now,
                           version = version + 1
                    where id = :id and roadmap_id = :r and version = :v""")
                    .params(params).param("now", now()).param("id", initiativeId).param("r", roadmapId)
                    .param("v", expectedVersion).update();
        } catch (DataIntegrityViolationException e) {
            throw themeGone();
        }
        requireUpdated(rows, "The initiative");
        jdbc.sql("delete from roadmap_initiative_objective where initiative_id = :id").param("id", initiativeId).update();
        linkObjectives(initiativeId, input.objectiveIds());
        Stored<Initiative> after = reader.initiative(roadmapId, initiativeId).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_initiative", initiativeId, "updated",
                "Updated initiative " + after.value().title(), before, after);
        return after;
    }

    /** Moves an initiative to another horizon (the horizon board's drag and drop). */
    @Transactional
    public Stored<Initiative> moveInitiative(long productId, long initiativeId, Horizon horizon, int expectedVersion) {
        if (horizon == null) {
            throw new InvalidInputException("horizon", "must be one of NOW, NEXT, LATER");
        }
        return changeColumn(productId, initiativeId, "horizon", horizon.name(), expectedVersion,
                i -> "Moved " + i.title() + " to " + horizon.label());
    }

    /** Moves an initiative to another stage (the kanban board's drag and drop). */
    @Transactional
    public Stored<Initiative> changeStage(long productId, long initiativeId, Stage stage, int expectedVersion) {
        if (stage == null) {
            throw new InvalidInputException("stage", "must be one of IDEA, DISCOVERY, BUILDING, RELEASED, MEASURED");
        }
        return changeColumn(productId, initiativeId, "stage", stage.name(), expectedVersion,
                i -> "Moved " + i.title() + " to stage " + stage.label());
    }

    private Stored<Initiative> changeColumn(long productId, long initiativeId, String column, String value, int expectedVersion,
            java.util.function.Function<Initiative, String> summary) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Initiative> before = reader.initiative(roadmapId, initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        // column is one of two constants chosen above, never caller input
        int rows = jdbc.sql("update roadmap_initiative set " + column + " = :value, updated_at = :now, version = version + 1 "
                        + "where id = :id and roadmap_id = :r and version = :v")
                .param("value", value).param("now", now()).param("id", initiativeId).param("r", roadmapId)
                .param("v", expectedVersion).update();
        requireUpdated(rows, "The initiative");
        Stored<Initiative> after = reader.initiative(roadmapId, initiativeId).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_initiative", initiativeId, "moved", summary.apply(after.value()), before, after);
        return after;
    }

    @Transactional
    public void deleteInitiative(long productId, long initiativeId, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Initiative> before = reader.initiative(roadmapId, initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        int rows = jdbc.sql("delete from roadmap_initiative where id = :id and roadmap_id = :r and version = :v")
                .param("id", initiativeId).param("r", roadmapId).param("v", expectedVersion).update();
        requireUpdated(rows, "The initiative");
        audit.record(product.workspaceId(), "roadmap_initiative", initiativeId, "deleted",
                "Deleted initiative " + before.value().title(), before, null);
    }

    private Map<String, Object> checkInitiative(long roadmapId, long workspaceId, long productId, InitiativeInput in) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (in.confidence() == null) {
            problems.put("confidence", "is required: a percentage from 0 to 100");
        }
        Initiative.problems(in.title(), in.confidence() == null ? 50 : in.confidence(), in.startDate(), in.endDate())
                .forEach(problems::putIfAbsent);
        max(problems, "description", in.description(), 4000);
        max(problems, "team", in.team(), 100);
        if (in.horizon() == null) {
            problems.put("horizon", "must be one of NOW, NEXT, LATER");
        }
        problems.putAll(EffortRange.problems(in.effortLow(), in.effortHigh()));
        Quarter quarter = null;
        if (in.quarter() != null && !in.quarter().isBlank()) {
            quarter = Quarter.parse(in.quarter()).orElse(null);
            if (quarter == null) {
                problems.put("quarter", "must look like 2026-Q3");
            }
        }
        if (in.themeId() != null && reader.theme(roadmapId, in.themeId()).isEmpty()) {
            problems.put("themeId", themeGone().fieldErrors().get("themeId"));
        }
        List<Long> objectiveIds = in.objectiveIds() == null ? List.of() : in.objectiveIds();
        if (!objectiveIds.isEmpty()) {
            Set<Long> known = new LinkedHashSet<>(jdbc.sql("select id from roadmap_objective where roadmap_id = :r")
                    .param("r", roadmapId).query(Long.class).list());
            if (!known.containsAll(objectiveIds)) {
                problems.put("objectiveIds", "names an objective that is not on this roadmap (it may have been deleted)");
            }
        }
        boolean anyLink = in.linkKind() != null || in.linkRef() != null || (in.linkLabel() != null && !in.linkLabel().isBlank());
        String label = in.linkLabel();
        if (anyLink) {
            if (in.linkKind() == null) {
                problems.put("linkKind", "must be DIFFERENTIATOR or PROBLEM_STATEMENT");
            }
            if (in.linkRef() == null) {
                problems.put("linkRef", "is required with a link: the id of the differentiator or problem statement");
            }
            // a link to a differentiator or problem statement of this product stores its text as it reads now, the
            // fallback label should it be removed from the session later; other references must bring their own label
            Optional<String> live = in.linkKind() == null || in.linkRef() == null ? Optional.empty()
                    : links.liveText(workspaceId, productId, in.linkKind(), in.linkRef());
            if (live.isPresent()) {
                label = StrategyLinks.label(live.get());
            } else if (in.linkKind() != null && in.linkRef() != null && (in.linkLabel() == null || in.linkLabel().isBlank())) {
                problems.put("linkRef", "names no differentiator or problem statement of this product's strategy sessions");
            } else {
                required(problems, "linkLabel", in.linkLabel(), StrategyLinks.LABEL_MAX);
            }
        }
        ScoreInputs scores = in.scores() == null ? ScoreInputs.NONE : in.scores();
        scores.problems().forEach(problems::putIfAbsent);
        check(problems);

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", in.title().trim());
        p.put("description", text(in.description()));
        p.put("theme", in.themeId());
        p.put("horizon", in.horizon().name());
        p.put("stage", (in.stage() == null ? Stage.IDEA : in.stage()).name());
        p.put("team", text(in.team()));
        p.put("effortLow", in.effortLow());
        p.put("effortHigh", in.effortHigh());
        p.put("confidence", in.confidence());
        p.put("quarter", quarter == null ? null : quarter.toString());
        p.put("start", in.startDate());
        p.put("end", in.endDate());
        p.put("visibility", (in.visibility() == null ? Visibility.INTERNAL : in.visibility()).name());
        p.put("linkKind", anyLink ? in.linkKind().name() : null);
        p.put("linkRef", anyLink ? in.linkRef() : null);
        p.put("linkLabel", anyLink ? label.trim() : null);
        p.put("reach", scores.reach());
        p.put("impact", scores.impact());
        p.put("iceImpact", scores.iceImpact());
        p.put("iceConfidence", scores.iceConfidence());
        p.put("iceEase", scores.iceEase());
        p.put("businessValue", scores.businessValue());
        p.put("timeCriticality", scores.timeCriticality());
        p.put("riskReduction", scores.riskReduction());
        p.put("jobSize", scores.jobSize());
        p.put("valueScore", scores.value());
        return p;
    }

    private void linkObjectives(long initiativeId, List<Long> objectiveIds) {
        if (objectiveIds == null) {
            return;
        }
        for (Long objectiveId : new LinkedHashSet<>(objectiveIds)) {
            jdbc.sql("insert into roadmap_initiative_objective (initiative_id, objective_id) values (:i, :o)")
                    .param("i", initiativeId).param("o", objectiveId).update();
        }
    }

    private static InvalidInputException themeGone() {
        return new InvalidInputException("themeId", "The theme no longer exists on this roadmap (it may have been deleted). "
                + "Choose another theme or none.");
    }

    // ---------------------------------------------------------------- bulk (imports)

    /** A row of a bulk write that the roadmap's rules refuse, by the caller's line number. */
    public record BulkRejection(int line, String field, String message) {
    }

    /**
     * What a bulk write did or would do.
     *
     * @param newThemes theme names it creates (or would create), in first-use order
     * @param accepted  initiatives that pass every rule
     * @param written   true only when the rows were stored
     */
    public record BulkOutcome(List<String> newThemes, int accepted, List<BulkRejection> rejected, boolean written) {
    }

    /**
     * Adds many initiatives at once (imports, {@code truenorth push}). Each row is checked by exactly the
     * rules {@link #createInitiative} applies; themes are named rather than referenced and created when
     * missing. All or nothing: with {@code write} false, or when any row is refused and
     * {@code skipRejected} is false, nothing is stored and the outcome says why; otherwise everything
     * accepted is stored in this one transaction, in batches, with one audit record for the whole write.
     *
     * @param themes   themes to have on the roadmap even if no row names them, with their descriptions; a theme
     *                 already on the roadmap keeps its own description
     * @param progress told how many initiatives are stored so far (for a progress bar); may be null
     */
    @Transactional
    public BulkOutcome addInitiatives(long productId, List<ThemeInput> themesToHave, List<BulkInitiative> rows, boolean write,
            boolean skipRejected, String source, IntConsumer progress) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Map<String, Long> themes = new HashMap<>();
        jdbc.sql("select name_key, id from roadmap_theme where roadmap_id = :r").param("r", roadmapId)
                .query((rs, i) -> themes.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, String> newThemes = new LinkedHashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        List<BulkRejection> rejected = new ArrayList<>();
        for (ThemeInput theme : themesToHave) {
            try {
                checkTheme(theme);
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> rejected.add(new BulkRejection(0, "theme " + field, message)));
                continue;
            }
            if (!themes.containsKey(key(theme.name())) && !newThemes.containsKey(key(theme.name()))) {
                newThemes.put(key(theme.name()), theme.name().trim());
                descriptions.put(key(theme.name()), text(theme.description()));
            }
        }
        List<Map<String, Object>> accepted = new ArrayList<>(rows.size());
        List<String> acceptedThemes = new ArrayList<>(rows.size());
        for (BulkInitiative row : rows) {
            String theme = row.themeName() == null || row.themeName().isBlank() ? null : row.themeName().trim();
            try {
                if (theme != null && !themes.containsKey(key(theme)) && !newThemes.containsKey(key(theme))) {
                    try {
                        checkTheme(new ThemeInput(theme, ""));
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException("theme", "theme name " + e.fieldErrors().get("name"));
                    }
                }
                InitiativeInput in = row.input();
                // the theme is resolved by name below, so the check must not look for an id that may not exist yet
                Map<String, Object> params = checkInitiative(roadmapId, product.workspaceId(), productId, new InitiativeInput(in.title(), in.description(), null,
                        in.objectiveIds(), in.horizon(), in.stage(), in.team(), in.effortLow(), in.effortHigh(), in.confidence(),
                        in.quarter(), in.startDate(), in.endDate(), in.visibility(), in.linkKind(), in.linkRef(), in.linkLabel(),
                        in.scores()));
                if (theme != null && !themes.containsKey(key(theme))) {
                    newThemes.putIfAbsent(key(theme), theme);
                }
                accepted.add(params);
                acceptedThemes.add(theme == null ? null : key(theme));
            } catch (InvalidInputException e) {
                e.fieldErrors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(f -> rejected.add(new BulkRejection(row.line(), f.getKey(), f.getValue())));
            }
        }
        List<String> themeNames = List.copyOf(newThemes.values());
        if (!write || (!rejected.isEmpty() && !skipRejected)) {
            return new BulkOutcome(themeNames, accepted.size(), rejected, false);
        }
        OffsetDateTime now = now();
        for (String name : themeNames) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into roadmap_theme (roadmap_id, name, name_key, description, created_at, updated_at)
                    values (:r, :name, :key, :description, :now, :now)""")
                    .param("r", roadmapId).param("name", name).param("key", key(name))
                    .param("description", descriptions.getOrDefault(key(name), "")).param("now", now).update(keys, "id");
            themes.put(key(name), keys.getKey().longValue());
        }
        final int chunk = 1000;
        for (int from = 0; from < accepted.size(); from += chunk) {
            int to = Math.min(accepted.size(), from + chunk);
            SqlParameterSource[] params = new SqlParameterSource[to - from];
            for (int i = from; i < to; i++) {
                Map<String, Object> p = new HashMap<>(accepted.get(i));
                p.put("theme", acceptedThemes.get(i) == null ? null : themes.get(acceptedThemes.get(i)));
                p.put("r", roadmapId);
                p.put("now", now);
                p.put("position", i);
                params[i - from] = new MapSqlParameterSource(p);
            }
            batch.batchUpdate("""
                    insert into roadmap_initiative (roadmap_id, title, description, theme_id, horizon, stage, team, effort_low,
                            effort_high, confidence, target_quarter, start_on, end_on, visibility, link_kind, link_ref, link_label,
                            reach, impact, ice_impact, ice_confidence, ice_ease, business_value, time_criticality, risk_reduction,
                            job_size, value_score, position, created_at, updated_at)
                    values (:r, :title, :description, :theme, :horizon, :stage, :team, :effortLow, :effortHigh, :confidence,
                            :quarter, :start, :end, :visibility, :linkKind, :linkRef, :linkLabel, :reach, :impact, :iceImpact,
                            :iceConfidence, :iceEase, :businessValue, :timeCriticality, :riskReduction, :jobSize, :valueScore,
                            :position, :now, :now)""", params);
            if (progress != null) {
                progress.accept(to);
            }
        }
        BulkOutcome outcome = new BulkOutcome(themeNames, accepted.size(), rejected, true);
        audit.record(product.workspaceId(), "roadmap", roadmapId, "imported",
                "Imported " + accepted.size() + " initiatives and " + themeNames.size() + " new themes from " + source
                        + (rejected.isEmpty() ? "" : ", skipping " + rejected.stream().map(BulkRejection::line).distinct().count()
                                + " rejected rows"),
                null, Map.of("source", source, "initiatives", accepted.size(), "newThemes", themeNames,
                        "skippedLines", rejected.stream().map(BulkRejection::line).distinct().toList()));
        return outcome;
    }

    // ---------------------------------------------------------------- dependencies

    /**
     * Adds a dependency. One on another initiative is refused if it would close a cycle, and the
     * message names the cycle. The roadmap row is locked meanwhile, so two people adding the two
     * halves of a cycle at once cannot both succeed.
     */
    @Transactional
    public Stored<Dependency> addDependency(long productId, DependencyInput in) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        jdbc.sql("select id from roadmap where id = :r for update").param("r", roadmapId).query(Long.class).single();
        RoadmapData data = reader.read(product.productName(), settings(product));
        Map<String, String> problems = new LinkedHashMap<>();
        if (in.dependentId() == null || data.initiative(in.dependentId()).isEmpty()) {
            problems.put("dependentId", "must name an initiative on this roadmap");
        }
        boolean onInitiative = in.requiredId() != null;
        boolean onExternal = in.externalKind() != null || (in.externalName() != null && !in.externalName().isBlank());
        if (onInitiative && onExternal) {
            problems.put("requiredId", "give either an initiative or an external team/technology, not both");
        } else if (!onInitiative && !onExternal) {
            problems.put("requiredId", "give the initiative it depends on, or an external team or technology");
        } else if (onInitiative && data.initiative(in.requiredId()).isEmpty()) {
            problems.put("requiredId", "must name an initiative on this roadmap");
        } else if (onExternal) {
            if (in.externalKind() == null) {
                problems.put("externalKind", "must be TEAM or TECHNOLOGY");
            }
            required(problems, "externalName", in.externalName(), 200);
        }
        max(problems, "note", in.note(), 1000);
        check(problems);
        if (onInitiative) {
            long dependent = in.dependentId();
            long required = in.requiredId();
            boolean duplicate = data.dependencyList().stream()
                    .anyMatch(d -> d.dependentId() == dependent && d.requiredId() != null && d.requiredId() == required);
            if (duplicate) {
                throw new InvalidInputException("requiredId", "“" + data.initiativeTitle(dependent) + "” already depends on “"
                        + data.initiativeTitle(required) + "”.");
            }
            Optional<List<Long>> cycle = DependencyAnalysis.cycleIfAdded(data.dependencyList(), dependent, required);
            if (cycle.isPresent()) {
                var titles = data.initiativeTitles();
                throw new InvalidInputException("requiredId", dependent == required
                        ? "An initiative cannot depend on itself."
                        : "This would make a dependency cycle: " + DependencyAnalysis.describeCycle(cycle.get(), titles::get)
                                + ". Remove one of those dependencies first.");
            }
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roadmap_dependency (roadmap_id, dependent_id, required_id, external_kind, external_name, note, created_at)
                values (:r, :dependent, :required, :kind, :name, :note, :now)""")
                .param("r", roadmapId).param("dependent", in.dependentId()).param("required", onInitiative ? in.requiredId() : null)
                .param("kind", onInitiative ? null : in.externalKind().name())
                .param("name", onInitiative ? null : in.externalName().trim()).param("note", text(in.note()))
                .param("now", now()).update(keys, "id");
        Stored<Dependency> dependency = reader.dependency(roadmapId, keys.getKey().longValue()).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_dependency", dependency.value().id(), "created",
                "“" + data.initiativeTitle(in.dependentId()) + "” now depends on "
                        + (onInitiative ? "“" + data.initiativeTitle(in.requiredId()) + "”"
                        : in.externalKind().label().toLowerCase(Locale.ROOT) + " " + in.externalName().trim()),
                null, dependency);
        return dependency;
    }

    @Transactional
    public void removeDependency(long productId, long dependencyId, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Dependency> before = reader.dependency(roadmapId, dependencyId).orElseThrow(() -> new NotFoundException("Dependency"));
        int rows = jdbc.sql("delete from roadmap_dependency where id = :id and roadmap_id = :r and version = :v")
                .param("id", dependencyId).param("r", roadmapId).param("v", expectedVersion).update();
        requireUpdated(rows, "The dependency");
        audit.record(product.workspaceId(), "roadmap_dependency", dependencyId, "deleted", "Removed a dependency", before, null);
    }

    // ---------------------------------------------------------------- risks

    @Transactional
    public Stored<Risk> createRisk(long productId, RiskInput input) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        checkRisk(roadmapId, input);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roadmap_risk (roadmap_id, initiative_id, title, likelihood, impact, mitigation, owner, created_at, updated_at)
                values (:r, :initiative, :title, :likelihood, :impact, :mitigation, :owner, :now, :now)""")
                .param("r", roadmapId).params(riskParams(input)).param("now", now()).update(keys, "id");
        Stored<Risk> risk = reader.risk(roadmapId, keys.getKey().longValue()).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_risk", risk.value().id(), "created", "Added risk " + risk.value().title(), null, risk);
        return risk;
    }

    @Transactional
    public Stored<Risk> updateRisk(long productId, long riskId, RiskInput input, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Risk> before = reader.risk(roadmapId, riskId).orElseThrow(() -> new NotFoundException("Risk"));
        checkRisk(roadmapId, input);
        int rows = jdbc.sql("""
                update roadmap_risk set initiative_id = :initiative, title = :title, likelihood = :likelihood, impact = :impact,
                       mitigation = :mitigation, owner = :owner, updated_at = :now, version = version + 1
                where id = :id and roadmap_id = :r and version = :v""")
                .params(riskParams(input)).param("now", now()).param("id", riskId).param("r", roadmapId)
                .param("v", expectedVersion).update();
        requireUpdated(rows, "The risk");
        Stored<Risk> after = reader.risk(roadmapId, riskId).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_risk", riskId, "updated", "Updated risk " + after.value().title(), before, after);
        return after;
    }

    @Transactional
    public void deleteRisk(long productId, long riskId, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        long roadmapId = settings(product).id();
        Stored<Risk> before = reader.risk(roadmapId, riskId).orElseThrow(() -> new NotFoundException("Risk"));
        int rows = jdbc.sql("delete from roadmap_risk where id = :id and roadmap_id = :r and version = :v")
                .param("id", riskId).param("r", roadmapId).param("v", expectedVersion).update();
        requireUpdated(rows, "The risk");
        audit.record(product.workspaceId(), "roadmap_risk", riskId, "deleted", "Deleted risk " + before.value().title(), before, null);
    }

    private void checkRisk(long roadmapId, RiskInput in) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (in.likelihood() == null) {
            problems.put("likelihood", "is required: 1 (rare) to 5 (almost certain)");
        }
        if (in.impact() == null) {
            problems.put("impact", "is required: 1 (minor) to 5 (severe)");
        }
        Risk.problems(in.title(), in.likelihood() == null ? 1 : in.likelihood(), in.impact() == null ? 1 : in.impact())
                .forEach(problems::putIfAbsent);
        max(problems, "title", in.title(), 200);
        max(problems, "mitigation", in.mitigation(), 2000);
        max(problems, "owner", in.owner(), 100);
        if (in.initiativeId() != null && reader.initiative(roadmapId, in.initiativeId()).isEmpty()) {
            problems.put("initiativeId", "must name an initiative on this roadmap");
        }
        check(problems);
    }

    private static Map<String, Object> riskParams(RiskInput in) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("initiative", in.initiativeId());
        p.put("title", in.title().trim());
        p.put("likelihood", in.likelihood());
        p.put("impact", in.impact());
        p.put("mitigation", text(in.mitigation()));
        p.put("owner", text(in.owner()));
        return p;
    }

    // ---------------------------------------------------------------- snapshots

    /** Saves the roadmap as it stands now under a name ("Board, March"). */
    @Transactional
    public SnapshotInfo takeSnapshot(long productId, String name) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "name", name, 120);
        check(problems);
        RoadmapData data = reader.read(product.productName(), settings(product));
        List<SnapshotItem> items = data.snapshotItems();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roadmap_snapshot (roadmap_id, name, items_json, item_count, taken_by, taken_at)
                values (:r, :name, :items, :count, :by, :now)""")
                .param("r", data.settings().id()).param("name", name.trim()).param("items", json.writeValueAsString(items))
                .param("count", items.size()).param("by", Callers.current().displayName()).param("now", now())
                .update(keys, "id");
        SnapshotInfo info = snapshotInfo(data.settings().id(), keys.getKey().longValue());
        audit.record(product.workspaceId(), "roadmap_snapshot", info.id(), "created",
                "Saved roadmap snapshot " + info.name() + " (" + info.itemCount() + " initiatives)", null, info);
        return info;
    }

    public List<SnapshotInfo> snapshots(long productId) {
        long roadmapId = settings(access.product(productId, Permission.READ)).id();
        return jdbc.sql("""
                select id, name, item_count, taken_by, taken_at from roadmap_snapshot where roadmap_id = :r
                order by taken_at desc, id desc""")
                .param("r", roadmapId).query((rs, i) -> new SnapshotInfo(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class))).list();
    }

    public Snapshot snapshot(long productId, long snapshotId) {
        long roadmapId = settings(access.product(productId, Permission.READ)).id();
        SnapshotInfo info = snapshotInfo(roadmapId, snapshotId);
        String items = jdbc.sql("select items_json from roadmap_snapshot where id = :id and roadmap_id = :r")
                .param("id", snapshotId).param("r", roadmapId).query(String.class).single();
        return new Snapshot(info, json.readValue(items, new TypeReference<List<SnapshotItem>>() {
        }));
    }

    /**
     * What changed from one snapshot to another, or to the roadmap as it is now when {@code toSnapshotId}
     * is null.
     */
    public RoadmapDiff diff(long productId, long fromSnapshotId, Long toSnapshotId) {
        Snapshot from = snapshot(productId, fromSnapshotId);
        List<SnapshotItem> to = toSnapshotId == null ? load(productId).snapshotItems() : snapshot(productId, toSnapshotId).items();
        return RoadmapDiff.between(from.items(), to);
    }

    private SnapshotInfo snapshotInfo(long roadmapId, long snapshotId) {
        return jdbc.sql("select id, name, item_count, taken_by, taken_at from roadmap_snapshot where id = :id and roadmap_id = :r")
                .param("id", snapshotId).param("r", roadmapId)
                .query((rs, i) -> new SnapshotInfo(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("Snapshot"));
    }

    // ---------------------------------------------------------------- helpers

    /** The product's roadmap row, created with defaults the first time anyone opens it. */
    private RoadmapSettings settings(ProductAccess product) {
        return settings(product.productId(), product.workspaceId());
    }

    private RoadmapSettings settings(long productId, long workspaceId) {
        Optional<RoadmapSettings> existing = reader.settings(productId);
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
        return reader.settings(productId).orElseThrow();
    }

    private static void requireUpdated(int rows, String what) {
        if (rows == 0) {
            throw ConflictException.staleVersion(what);
        }
    }

    private static void check(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void required(Map<String, String> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.putIfAbsent(field, "must not be blank");
        } else {
            max(problems, field, value, max);
        }
    }

    private static void max(Map<String, String> problems, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            problems.putIfAbsent(field, "must be at most " + max + " characters");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
