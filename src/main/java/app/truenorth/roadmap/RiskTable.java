package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Risk;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code roadmap_risk} table: its columns, statements and row mapping, in one place. */
final class RiskTable {

    static final Columns EDITABLE = Columns.of("initiative_id", "title", "likelihood", "impact", "mitigation", "owner");

    static final String SELECT = "select id, " + EDITABLE.list() + ", version from roadmap_risk";

    static final String INSERT = "insert into roadmap_risk (roadmap_id, " + EDITABLE.list() + ", created_at, updated_at) "
            + "values (:roadmap_id, " + EDITABLE.parameters() + ", :now, :now)";

    static final String UPDATE = "update roadmap_risk set " + EDITABLE.assignments()
            + ", updated_at = :now, version = version + 1 where id = :id and roadmap_id = :roadmap_id and version = :version";

    static final String DELETE = "delete from roadmap_risk where id = :id and roadmap_id = :roadmap_id and version = :version";

    private RiskTable() {
    }

    static Map<String, Object> values(Risk r) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("initiative_id", r.initiativeId());
        values.put("title", r.title());
        values.put("likelihood", r.likelihood());
        values.put("impact", r.impact());
        values.put("mitigation", r.mitigation());
        values.put("owner", r.owner());
        return values;
    }

    static Stored<Risk> row(ResultSet rs) throws SQLException {
        return new Stored<>(new Risk(rs.getLong("id"), Columns.id(rs, "initiative_id"), rs.getString("title"), rs.getInt("likelihood"),
                rs.getInt("impact"), rs.getString("mitigation"), rs.getString("owner")), rs.getInt("version"));
    }
}
