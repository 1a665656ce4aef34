package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.max;
import static app.truenorth.roadmap.RoadmapChecks.required;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.ObjectiveInput;
import app.truenorth.roadmap.Roadmaps.Target;
import app.truenorth.roadmap.domain.Objective;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A roadmap's objectives, the measurable outcomes its initiatives serve: added, moved on (a new current
 * value) and deleted by editors, one checked, audited, versioned step at a time.
 */
@Service
public class Objectives {

    private final JdbcClient jdbc;
    private final Roadmaps roadmaps;
    private final RoadmapReader reader;
    private final AuditLog audit;
    private final Clock clock;

    Objectives(JdbcClient jdbc, Roadmaps roadmaps, RoadmapReader reader, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.roadmaps = roadmaps;
        this.reader = reader;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Stored<Objective> create(long productId, ObjectiveInput input) {
        Target target = roadmaps.editable(productId);
        Objective checked = check(input);
        var keys = new GeneratedKeyHolder();
        jdbc.sql(ObjectiveTable.INSERT).param("roadmap_id", target.roadmapId()).params(ObjectiveTable.values(checked))
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        Stored<Objective> objective = reader.objective(target.roadmapId(), keys.getKey().longValue()).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_objective", objective.value().id(), "created",
                "Added objective " + objective.value().title(), null, objective);
        return objective;
    }

    @Transactional
    public Stored<Objective> update(long productId, long objectiveId, ObjectiveInput input, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Objective> before = reader.objective(target.roadmapId(), objectiveId)
                .orElseThrow(() -> new NotFoundException("Objective"));
        Objective checked = check(input);
        int rows = jdbc.sql(ObjectiveTable.UPDATE).params(ObjectiveTable.values(checked)).param("now", OffsetDateTime.now(clock))
                .param("id", objectiveId).param("roadmap_id", target.roadmapId()).param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The objective");
        Stored<Objective> after = reader.objective(target.roadmapId(), objectiveId).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_objective", objectiveId, "updated",
                "Updated objective " + after.value().title() + ": " + after.value().describeProgress(), before, after);
        return after;
    }

    @Transactional
    public void delete(long productId, long objectiveId, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Objective> before = reader.objective(target.roadmapId(), objectiveId)
                .orElseThrow(() -> new NotFoundException("Objective"));
        int rows = jdbc.sql(ObjectiveTable.DELETE).param("id", objectiveId).param("roadmap_id", target.roadmapId())
                .param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The objective");
        audit.record(target.workspaceId(), "roadmap_objective", objectiveId, "deleted",
                "Deleted objective " + before.value().title(), before, null);
    }

    /** The objective as it will be stored, once every rule passes. */
    private static Objective check(ObjectiveInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "title", input.title(), 200);
        required(problems, "metric", input.metric(), 200);
        max(problems, "unit", input.unit(), 20);
        Objective.problems(input.direction(), input.baseline(), input.target()).forEach(problems::putIfAbsent);
        RoadmapChecks.check(problems);
        return new Objective(0, input.title().trim(), input.metric().trim(), RoadmapChecks.text(input.unit()), input.direction(),
                input.baseline(), input.target(), input.current(), input.due());
    }
}
