package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code roadmap_decision} table and its three link tables (what a decision concerns): columns,
 * statements and row mapping, in one place.
 */
final class DecisionTable {

    static final Columns EDITABLE = Columns.of("title", "rationale", "decided_on", "decided_by", "decided_by_user_id",
            "key_decision", "visibility");

    static final String SELECT = "select id, " + EDITABLE.list() + ", version from roadmap_decision";

    static final String INSERT = "insert into roadmap_decision (roadmap_id, " + EDITABLE.list() + ", created_at, updated_at) "
            + "values (:roadmap_id, " + EDITABLE.parameters() + ", :now, :now)";

    static final String UPDATE = "update roadmap_decision set " + EDITABLE.assignments()
            + ", updated_at = :now, version = version + 1 where id = :id and roadmap_id = :roadmap_id and version = :version";

    static final String DELETE = "delete from roadmap_decision where id = :id and roadmap_id = :roadmap_id and version = :version";

    /** What a decision concerns, one table per kind, each linking {@code decision_id} to the target's id. */
    enum Link {
        INITIATIVE("roadmap_decision_initiative", "initiative_id"),
        THEME("roadmap_decision_theme", "theme_id"),
        OBJECTIVE("roadmap_decision_objective", "objective_id");

        final String table;
        final String column;

        Link(String table, String column) {
            this.table = table;
            this.column = column;
        }

        String insert() {
            return "insert into " + table + " (decision_id, " + column + ") values (:decision_id, :target)";
        }

        String deleteAll() {
            return "delete from " + table + " where decision_id = :decision_id";
        }
    }

    private DecisionTable() {
    }

    /** The parameters of {@link #EDITABLE} for a checked decision (its id and links are ignored). */
    static Map<String, Object> values(Decision d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", d.title());
        values.put("rationale", d.rationale());
        values.put("decided_on", d.decidedOn());
        values.put("decided_by", d.decidedBy());
        values.put("decided_by_user_id", d.decidedByUserId());
        values.put("key_decision", d.keyDecision());
        values.put("visibility", d.visibility().name());
        return values;
    }

    static Stored<Decision> row(ResultSet rs, List<Long> initiatives, List<Long> themes, List<Long> objectives) throws SQLException {
        return new Stored<>(new Decision(rs.getLong("id"), rs.getString("title"), rs.getString("rationale"),
                Columns.date(rs, "decided_on"), rs.getString("decided_by"), Columns.id(rs, "decided_by_user_id"),
                rs.getBoolean("key_decision"), Visibility.valueOf(rs.getString("visibility")), initiatives, themes, objectives),
                rs.getInt("version"));
    }
}
