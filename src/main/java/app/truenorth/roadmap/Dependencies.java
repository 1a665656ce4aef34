package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.max;
import static app.truenorth.roadmap.RoadmapChecks.required;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.DependencyInput;
import app.truenorth.roadmap.Roadmaps.Target;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a roadmap's initiatives need first: another initiative, or an external team or technology. Added
 * and removed by editors, never changed; a dependency that would close a cycle is refused.
 */
@Service
public class Dependencies {

    private final JdbcClient jdbc;
    private final Roadmaps roadmaps;
    private final RoadmapReader reader;
    private final AuditLog audit;
    private final Clock clock;

    Dependencies(JdbcClient jdbc, Roadmaps roadmaps, RoadmapReader reader, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.roadmaps = roadmaps;
        this.reader = reader;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a dependency. One on another initiative is refused if it would close a cycle, and the
     * message names the cycle. The roadmap row is locked meanwhile, so two people adding the two
     * halves of a cycle at once cannot both succeed.
     */
    @Transactional
    public Stored<Dependency> add(long productId, DependencyInput in) {
        Target target = roadmaps.editable(productId);
        long roadmapId = target.roadmapId();
        jdbc.sql("select id from roadmap where id = :r for update").param("r", roadmapId).query(Long.class).single();
        RoadmapData data = roadmaps.read(target.product());
        Dependency checked = check(data, in);
        var keys = new GeneratedKeyHolder();
        jdbc.sql(DependencyTable.INSERT).param("roadmap_id", roadmapId).params(DependencyTable.values(checked))
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        Stored<Dependency> dependency = reader.dependency(roadmapId, keys.getKey().longValue()).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_dependency", dependency.value().id(), "created",
                "“" + data.initiativeTitle(checked.dependentId()) + "” now depends on "
                        + (checked.isOnInitiative() ? "“" + data.initiativeTitle(checked.requiredId()) + "”"
                        : checked.externalKind().label().toLowerCase(Locale.ROOT) + " " + checked.externalName()),
                null, dependency);
        return dependency;
    }

    @Transactional
    public void remove(long productId, long dependencyId, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Dependency> before = reader.dependency(target.roadmapId(), dependencyId)
                .orElseThrow(() -> new NotFoundException("Dependency"));
        int rows = jdbc.sql(DependencyTable.DELETE).param("id", dependencyId).param("roadmap_id", target.roadmapId())
                .param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The dependency");
        audit.record(target.workspaceId(), "roadmap_dependency", dependencyId, "deleted", "Removed a dependency", before, null);
    }

    /** The dependency as it will be stored, once every rule passes on the roadmap as it stands. */
    private static Dependency check(RoadmapData data, DependencyInput in) {
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
        RoadmapChecks.check(problems);
        long dependent = in.dependentId();
        String note = RoadmapChecks.text(in.note());
        if (!onInitiative) {
            return new Dependency(0, dependent, null, in.externalKind(), in.externalName().trim(), note);
        }
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
        return new Dependency(0, dependent, required, null, null, note);
    }
}
