package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.ExternalKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code roadmap_dependency} table: its columns, statements and row mapping, in one place. A
 * dependency is added or removed, never changed.
 */
final class DependencyTable {

    static final Columns EDITABLE = Columns.of("dependent_id", "required_id", "external_kind", "external_name", "note");

    static final String SELECT = "select id, " + EDITABLE.list() + ", version from roadmap_dependency";

    static final String INSERT = "insert into roadmap_dependency (roadmap_id, " + EDITABLE.list() + ", created_at) "
            + "values (:roadmap_id, " + EDITABLE.parameters() + ", :now)";

    static final String DELETE = "delete from roadmap_dependency where id = :id and roadmap_id = :roadmap_id and version = :version";

    private DependencyTable() {
    }

    static Map<String, Object> values(Dependency d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dependent_id", d.dependentId());
        values.put("required_id", d.requiredId());
        values.put("external_kind", d.externalKind() == null ? null : d.externalKind().name());
        values.put("external_name", d.externalName());
        values.put("note", d.note());
        return values;
    }

    static Stored<Dependency> row(ResultSet rs) throws SQLException {
        String kind = rs.getString("external_kind");
        return new Stored<>(new Dependency(rs.getLong("id"), rs.getLong("dependent_id"), Columns.id(rs, "required_id"),
                kind == null ? null : ExternalKind.valueOf(kind), rs.getString("external_name"), rs.getString("note")),
                rs.getInt("version"));
    }
}
