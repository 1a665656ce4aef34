package app.truenorth.roadmap;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.Roadmaps.Target;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Stage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A roadmap's initiatives: added, edited, moved across horizons and stages, and deleted by editors, one
 * checked, audited, versioned step at a time. Many at once go through {@link BulkInitiatives}.
 */
@Service
public class Initiatives {

    private final JdbcClient jdbc;
    private final Roadmaps roadmaps;
    private final RoadmapReader reader;
    private final InitiativeChecks checks;
    private final AuditLog audit;
    private final Clock clock;

    Initiatives(JdbcClient jdbc, Roadmaps roadmaps, RoadmapReader reader, InitiativeChecks checks, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.roadmaps = roadmaps;
        this.reader = reader;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Stored<Initiative> create(long productId, InitiativeInput input) {
        Target target = roadmaps.editable(productId);
        Initiative checked = checks.check(target.roadmapId(), target.workspaceId(), productId, input);
        long id = insert(target.roadmapId(), checked, null, null);
        Stored<Initiative> initiative = reader.initiative(target.roadmapId(), id).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_initiative", id, "created",
                "Added initiative " + initiative.value().title() + " in " + initiative.value().horizon().label(), null, initiative);
        return initiative;
    }

    /**
     * Stores a checked initiative with its objectives, and where it came from when a strategy session
     * handed it over (at most once per session initiative).
     */
    long insert(long roadmapId, Initiative checked, Long sourceSessionId, Long sourceInitiativeId) {
        Map<String, Object> values = InitiativeTable.values(checked);
        values.put("source_session_id", sourceSessionId);
        values.put("source_initiative_id", sourceInitiativeId);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql(InitiativeTable.INSERT).param("roadmap_id", roadmapId).params(values).param("now", OffsetDateTime.now(clock))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This initiative was already handed over from its strategy session.");
        } catch (DataIntegrityViolationException e) {
            throw InitiativeChecks.themeGone(); // the theme was deleted between the check and the insert
        }
        long id = keys.getKey().longValue();
        linkObjectives(id, checked.objectiveIds());
        return id;
    }

    @Transactional
    public Stored<Initiative> update(long productId, long initiativeId, InitiativeInput input, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        long roadmapId = target.roadmapId();
        Stored<Initiative> before = reader.initiative(roadmapId, initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        Initiative checked = checks.check(roadmapId, target.workspaceId(), productId, input);
        int rows;
        try {
            rows = jdbc.sql(InitiativeTable.UPDATE).params(InitiativeTable.values(checked)).param("now", OffsetDateTime.now(clock))
                    .param("id", initiativeId).param("roadmap_id", roadmapId).param("version", expectedVersion).update();
        } catch (DataIntegrityViolationException e) {
            throw InitiativeChecks.themeGone();
        }
        Versioned.requireUpdated(rows, "The initiative");
        jdbc.sql("delete from roadmap_initiative_objective where initiative_id = :id").param("id", initiativeId).update();
        linkObjectives(initiativeId, checked.objectiveIds());
        Stored<Initiative> after = reader.initiative(roadmapId, initiativeId).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_initiative", initiativeId, "updated",
                "Updated initiative " + after.value().title(), before, after);
        return after;
    }

    /** Moves an initiative to another horizon (the horizon board's drag and drop). */
    @Transactional
    public Stored<Initiative> move(long productId, long initiativeId, Horizon horizon, int expectedVersion) {
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
            Function<Initiative, String> summary) {
        Target target = roadmaps.editable(productId);
        long roadmapId = target.roadmapId();
        Stored<Initiative> before = reader.initiative(roadmapId, initiativeId).orElseThrow(() -> new NotFoundException("Initiative"));
        // column is one of two constants chosen above, never caller input
        int rows = jdbc.sql("update roadmap_initiative set " + column + " = :value, updated_at = :now, version = version + 1 "
                        + "where id = :id and roadmap_id = :r and version = :v")
                .param("value", value).param("now", OffsetDateTime.now(clock)).param("id", initiativeId).param("r", roadmapId)
                .param("v", expectedVersion).update();
        Versioned.requireUpdated(rows, "The initiative");
        Stored<Initiative> after = reader.initiative(roadmapId, initiativeId).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_initiative", initiativeId, "moved", summary.apply(after.value()), before, after);
        return after;
    }

    /** Deletes an initiative; its dependencies and risks go with it. */
    @Transactional
    public void delete(long productId, long initiativeId, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Initiative> before = reader.initiative(target.roadmapId(), initiativeId)
                .orElseThrow(() -> new NotFoundException("Initiative"));
        int rows = jdbc.sql(InitiativeTable.DELETE).param("id", initiativeId).param("roadmap_id", target.roadmapId())
                .param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The initiative");
        audit.record(target.workspaceId(), "roadmap_initiative", initiativeId, "deleted",
                "Deleted initiative " + before.value().title(), before, null);
    }

    private void linkObjectives(long initiativeId, Collection<Long> objectiveIds) {
        for (Long objectiveId : new LinkedHashSet<>(objectiveIds)) {
            jdbc.sql("insert into roadmap_initiative_objective (initiative_id, objective_id) values (:i, :o)")
                    .param("i", initiativeId).param("o", objectiveId).update();
        }
    }
}
