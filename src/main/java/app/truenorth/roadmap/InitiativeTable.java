package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.StrategicLink;
import app.truenorth.roadmap.domain.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code roadmap_initiative} table: its columns, statements and row mapping, in one place. A single
 * add, an import's batch and a hand-off from a strategy session all write through {@link #INSERT}.
 */
final class InitiativeTable {

    /** Everything a person edits on an initiative: what the page, the API and an import write. */
    static final Columns EDITABLE = Columns.of("title", "description", "theme_id", "horizon", "stage", "team", "effort_low",
            "effort_high", "confidence", "target_quarter", "start_on", "end_on", "visibility", "link_kind", "link_ref", "link_label",
            "reach", "impact", "ice_impact", "ice_confidence", "ice_ease", "business_value", "time_criticality", "risk_reduction",
            "job_size", "value_score");

    static final String SELECT = "select id, " + EDITABLE.list() + ", version from roadmap_initiative";

    /**
     * Also where it came from (a strategy session's initiative, or nothing) and its place in an import's
     * order (0 otherwise); see {@link #values}.
     */
    static final String INSERT = "insert into roadmap_initiative (roadmap_id, " + EDITABLE.list()
            + ", source_session_id, source_initiative_id, position, created_at, updated_at) values (:roadmap_id, "
            + EDITABLE.parameters() + ", :source_session_id, :source_initiative_id, :position, :now, :now)";

    static final String UPDATE = "update roadmap_initiative set " + EDITABLE.assignments()
            + ", updated_at = :now, version = version + 1 where id = :id and roadmap_id = :roadmap_id and version = :version";

    static final String DELETE = "delete from roadmap_initiative where id = :id and roadmap_id = :roadmap_id and version = :version";

    private InitiativeTable() {
    }

    /**
     * The parameters of {@link #EDITABLE} for a checked initiative (its id is ignored), with no source and
     * position 0 for {@link #INSERT}. A mutable map: an import sets the theme and position per row.
     */
    static Map<String, Object> values(Initiative i) {
        Map<String, Object> v = new HashMap<>();
        v.put("title", i.title());
        v.put("description", i.description());
        v.put("theme_id", i.themeId());
        v.put("horizon", i.horizon().name());
        v.put("stage", i.stage().name());
        v.put("team", i.team());
        v.put("effort_low", i.effort().low());
        v.put("effort_high", i.effort().high());
        v.put("confidence", i.confidence());
        v.put("target_quarter", i.quarter() == null ? null : i.quarter().toString());
        v.put("start_on", i.startDate());
        v.put("end_on", i.endDate());
        v.put("visibility", i.visibility().name());
        v.put("link_kind", i.link() == null ? null : i.link().kind().name());
        v.put("link_ref", i.link() == null ? null : i.link().referenceId());
        v.put("link_label", i.link() == null ? null : i.link().label());
        ScoreInputs s = i.scores();
        v.put("reach", s.reach());
        v.put("impact", s.impact());
        v.put("ice_impact", s.iceImpact());
        v.put("ice_confidence", s.iceConfidence());
        v.put("ice_ease", s.iceEase());
        v.put("business_value", s.businessValue());
        v.put("time_criticality", s.timeCriticality());
        v.put("risk_reduction", s.riskReduction());
        v.put("job_size", s.jobSize());
        v.put("value_score", s.value());
        v.put("source_session_id", null);
        v.put("source_initiative_id", null);
        v.put("position", 0);
        return v;
    }

    static Stored<Initiative> row(ResultSet rs, List<Long> objectives) throws SQLException {
        String linkKind = rs.getString("link_kind");
        StrategicLink link = linkKind == null ? null
                : new StrategicLink(LinkKind.valueOf(linkKind), rs.getLong("link_ref"), rs.getString("link_label"));
        String quarter = rs.getString("target_quarter");
        ScoreInputs scores = new ScoreInputs(rs.getBigDecimal("reach"), rs.getBigDecimal("impact"),
                Columns.integer(rs, "ice_impact"), Columns.integer(rs, "ice_confidence"), Columns.integer(rs, "ice_ease"),
                Columns.integer(rs, "business_value"), Columns.integer(rs, "time_criticality"),
                Columns.integer(rs, "risk_reduction"), Columns.integer(rs, "job_size"), Columns.integer(rs, "value_score"));
        Initiative initiative = new Initiative(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                Columns.id(rs, "theme_id"), objectives, Horizon.valueOf(rs.getString("horizon")), Stage.valueOf(rs.getString("stage")),
                rs.getString("team"), new EffortRange(rs.getBigDecimal("effort_low"), rs.getBigDecimal("effort_high")),
                rs.getInt("confidence"), quarter == null ? null : Quarter.parse(quarter).orElse(null), Columns.date(rs, "start_on"),
                Columns.date(rs, "end_on"), Visibility.valueOf(rs.getString("visibility")), link, scores);
        return new Stored<>(initiative, rs.getInt("version"));
    }
}
