package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Direction;
import app.truenorth.roadmap.domain.Objective;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code roadmap_objective} table: its columns, statements and row mapping, in one place. */
final class ObjectiveTable {

    static final Columns EDITABLE = Columns.of("title", "metric", "unit", "direction", "baseline", "target", "current_value",
            "due_on");

    static final String SELECT = "select id, " + EDITABLE.list() + ", version from roadmap_objective";

    static final String INSERT = "insert into roadmap_objective (roadmap_id, " + EDITABLE.list() + ", created_at, updated_at) "
            + "values (:roadmap_id, " + EDITABLE.parameters() + ", :now, :now)";

    static final String UPDATE = "update roadmap_objective set " + EDITABLE.assignments()
            + ", updated_at = :now, version = version + 1 where id = :id and roadmap_id = :roadmap_id and version = :version";

    static final String DELETE = "delete from roadmap_objective where id = :id and roadmap_id = :roadmap_id and version = :version";

    private ObjectiveTable() {
    }

    static Map<String, Object> values(Objective o) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", o.title());
        values.put("metric", o.metric());
        values.put("unit", o.unit());
        values.put("direction", o.direction().name());
        values.put("baseline", o.baseline());
        values.put("target", o.target());
        values.put("current_value", o.current());
        values.put("due_on", o.due());
        return values;
    }

    static Stored<Objective> row(ResultSet rs) throws SQLException {
        return new Stored<>(new Objective(rs.getLong("id"), rs.getString("title"), rs.getString("metric"), rs.getString("unit"),
                Direction.valueOf(rs.getString("direction")), rs.getBigDecimal("baseline"), rs.getBigDecimal("target"),
                rs.getBigDecimal("current_value"), Columns.date(rs, "due_on")), rs.getInt("version"));
    }
}
