package app.truenorth.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each roadmap table lists the columns its writes fill in one place. A column added to a table must join
 * that list (or be one of the bookkeeping columns every write sets itself), or an edit would silently not
 * save it.
 */
@IntegrationTest
class RoadmapTablesTest {

    /** Set by the statements themselves, never from what a person edits. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "roadmap_id", "created_at", "updated_at", "version",
            "position", "source_session_id", "source_initiative_id");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEditableColumnOfEachTableIsInItsOneList() {
        assertThat(editable("roadmap_initiative")).containsExactlyInAnyOrderElementsOf(InitiativeTable.EDITABLE.names());
        assertThat(editable("roadmap_theme")).containsExactlyInAnyOrderElementsOf(ThemeTable.EDITABLE.names());
        assertThat(editable("roadmap_objective")).containsExactlyInAnyOrderElementsOf(ObjectiveTable.EDITABLE.names());
        assertThat(editable("roadmap_risk")).containsExactlyInAnyOrderElementsOf(RiskTable.EDITABLE.names());
        assertThat(editable("roadmap_dependency")).containsExactlyInAnyOrderElementsOf(DependencyTable.EDITABLE.names());
        assertThat(editable("roadmap_decision")).containsExactlyInAnyOrderElementsOf(DecisionTable.EDITABLE.names());
    }

    @Test
    void theStatementsAreMadeFromTheList() {
        assertThat(InitiativeTable.SELECT).startsWith("select id, title, description, theme_id,").endsWith(", version from roadmap_initiative");
        assertThat(InitiativeTable.UPDATE).contains("value_score = :value_score, updated_at = :now");
        assertThat(InitiativeTable.INSERT).contains("(roadmap_id, title,").contains(":job_size, :value_score, :source_session_id");
    }

    private List<String> editable(String table) {
        List<String> columns = new ArrayList<>(jdbc.sql("""
                select lower(column_name) from information_schema.columns
                where lower(table_name) = :table and lower(table_schema) = lower(current_schema)""")
                .param("table", table).query(String.class).list());
        columns.removeAll(BOOKKEEPING);
        return columns;
    }
}
