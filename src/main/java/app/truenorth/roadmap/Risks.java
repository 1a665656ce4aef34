package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.max;
import static app.truenorth.roadmap.RoadmapChecks.text;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.RiskInput;
import app.truenorth.roadmap.Roadmaps.Target;
import app.truenorth.roadmap.domain.Risk;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A roadmap's risks, to one initiative or to the roadmap as a whole: added, re-rated and deleted by
 * editors, one checked, audited, versioned step at a time.
 */
@Service
public class Risks {

    private final JdbcClient jdbc;
    private final Roadmaps roadmaps;
    private final RoadmapReader reader;
    private final AuditLog audit;
    private final Clock clock;

    Risks(JdbcClient jdbc, Roadmaps roadmaps, RoadmapReader reader, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.roadmaps = roadmaps;
        this.reader = reader;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Stored<Risk> create(long productId, RiskInput input) {
        Target target = roadmaps.editable(productId);
        Risk checked = check(target.roadmapId(), input);
        var keys = new GeneratedKeyHolder();
        jdbc.sql(RiskTable.INSERT).param("roadmap_id", target.roadmapId()).params(RiskTable.values(checked))
                .param("now", OffsetDateTime.now(clock)).update(keys, "id");
        Stored<Risk> risk = reader.risk(target.roadmapId(), keys.getKey().longValue()).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_risk", risk.value().id(), "created", "Added risk " + risk.value().title(), null,
                risk);
        return risk;
    }

    @Transactional
    public Stored<Risk> update(long productId, long riskId, RiskInput input, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Risk> before = reader.risk(target.roadmapId(), riskId).orElseThrow(() -> new NotFoundException("Risk"));
        Risk checked = check(target.roadmapId(), input);
        int rows = jdbc.sql(RiskTable.UPDATE).params(RiskTable.values(checked)).param("now", OffsetDateTime.now(clock))
                .param("id", riskId).param("roadmap_id", target.roadmapId()).param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The risk");
        Stored<Risk> after = reader.risk(target.roadmapId(), riskId).orElseThrow();
        audit.record(target.workspaceId(), "roadmap_risk", riskId, "updated", "Updated risk " + after.value().title(), before, after);
        return after;
    }

    @Transactional
    public void delete(long productId, long riskId, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Risk> before = reader.risk(target.roadmapId(), riskId).orElseThrow(() -> new NotFoundException("Risk"));
        int rows = jdbc.sql(RiskTable.DELETE).param("id", riskId).param("roadmap_id", target.roadmapId())
                .param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The risk");
        audit.record(target.workspaceId(), "roadmap_risk", riskId, "deleted", "Deleted risk " + before.value().title(), before, null);
    }

    /** The risk as it will be stored, once every rule passes. */
    private Risk check(long roadmapId, RiskInput in) {
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
        RoadmapChecks.check(problems);
        return new Risk(0, in.initiativeId(), in.title().trim(), in.likelihood(), in.impact(), text(in.mitigation()), text(in.owner()));
    }
}
