package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Theme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code roadmap_theme} table: its columns, statements and row mapping, in one place. */
final class ThemeTable {

    /** {@code name_key} is the name as compared, so one roadmap cannot have "Growth" and "growth ". */
    static final Columns EDITABLE = Columns.of("name", "name_key", "description");

    static final String SELECT = "select id, name, description, version from roadmap_theme";

    static final String INSERT = "insert into roadmap_theme (roadmap_id, " + EDITABLE.list() + ", created_at, updated_at) "
            + "values (:roadmap_id, " + EDITABLE.parameters() + ", :now, :now)";

    static final String UPDATE = "update roadmap_theme set " + EDITABLE.assignments() + ", updated_at = :now, version = version + 1 "
            + "where id = :id and roadmap_id = :roadmap_id and version = :version";

    static final String DELETE = "delete from roadmap_theme where id = :id and roadmap_id = :roadmap_id and version = :version";

    private ThemeTable() {
    }

    /** The parameters of {@link #EDITABLE} for a theme whose name and description are already checked. */
    static Map<String, Object> values(String name, String description) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name.trim());
        values.put("name_key", RoadmapChecks.key(name));
        values.put("description", RoadmapChecks.text(description));
        return values;
    }

    static Stored<Theme> row(ResultSet rs) throws SQLException {
        return new Stored<>(new Theme(rs.getLong("id"), rs.getString("name"), rs.getString("description")), rs.getInt("version"));
    }
}
