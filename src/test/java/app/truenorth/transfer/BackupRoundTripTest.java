package app.truenorth.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.TrueNorthApplication;
import app.truenorth.platform.ConflictException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workspace (people, products, a strategy session three weeks in, a roadmap with snapshots and
 * a decision log) backed up, restored into a fresh database, and backed up again: the two backups are identical.
 */
// its own context (a demo workspace alone in its database): small pool, closed afterwards, so the suite does
// not hold PostgreSQL connections for it
@SpringBootTest(properties = {"truenorth.demo=true", "spring.datasource.hikari.maximum-pool-size=3"})
@DirtiesContext
class BackupRoundTripTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void aRestoredWorkspaceBacksUpToTheSameDocument() throws Exception {
        awaitEventListeners(jdbc);
        long workspaceId = jdbc.queryForObject("select min(id) from workspace", Long.class);
        // the demo seeds the strategy session and the roadmap (the roadmap module's own sample data)
        OffsetDateTime at = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        Map<String, Object> original = WorkspaceBackup.export(jdbc, workspaceId, at);
        String text = json.writeValueAsString(original);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) original.get("tables");
        assertThat(tables).containsKeys("workspace", "app_user", "membership", "product", "roadmap", "roadmap_theme",
                "roadmap_initiative", "roadmap_initiative_objective", "roadmap_snapshot", "audit_event");
        assertThat(tables.keySet()).anyMatch(t -> t.startsWith("strategy_") || t.startsWith("session"));
        assertThat((java.util.List<?>) tables.get("roadmap_initiative").get("rows")).hasSizeGreaterThan(5);
        // what roadmap health judges by: thresholds, declared anti-goals, and share links with who holds them
        assertThat(tables).containsKeys("health_thresholds", "health_anti_goal", "share_link", "view_preset");
        assertThat((java.util.List<?>) tables.get("health_anti_goal").get("rows")).hasSize(2);
        assertThat((java.util.List<Object>) tables.get("share_link").get("columns")).contains("shared_with");
        // the decision log and what each decision concerns
        assertThat((java.util.List<?>) tables.get("roadmap_decision").get("rows")).hasSize(5);
        for (String links : java.util.List.of("roadmap_decision_initiative", "roadmap_decision_theme", "roadmap_decision_objective")) {
            assertThat((java.util.List<?>) tables.get(links).get("rows")).as(links).isNotEmpty();
        }
        assertThat(tables).doesNotContainKeys("flyway_schema_history", "event_publication", "spring_session", "login_throttle");

        try (var fresh = new SpringApplicationBuilder(TrueNorthApplication.class).web(WebApplicationType.SERVLET)
                .run("--truenorth.demo=false", "--server.port=0", "--spring.datasource.hikari.maximum-pool-size=3")) {
            var freshJdbc = fresh.getBean(JdbcTemplate.class);
            var backups = fresh.getBean(WorkspaceBackups.class);
            assertThat(freshJdbc.queryForObject("select count(*) from workspace", Integer.class)).isZero();

            Map<String, Integer> restored = backups.restore(text);
            assertThat(restored.get("roadmap_initiative")).isEqualTo(((java.util.List<?>) tables.get("roadmap_initiative").get("rows")).size());
            assertThat(restored.get("roadmap_decision")).isEqualTo(5);

            Map<String, Object> again = WorkspaceBackup.export(freshJdbc, workspaceId, at);
            assertThat(json.writeValueAsString(again)).isEqualTo(text);

            // new rows after a restore get fresh ids rather than colliding with restored ones
            long maxProduct = freshJdbc.queryForObject("select max(id) from product", Long.class);
            freshJdbc.update("insert into product (workspace_id, name, name_key, description, created_at, updated_at) "
                    + "select workspace_id, 'After restore', 'after restore', '', created_at, updated_at from product where id = ?", maxProduct);
            assertThat(freshJdbc.queryForObject("select max(id) from product", Long.class)).isGreaterThan(maxProduct);

            assertThatThrownBy(() -> backups.restore(text)).as("only into an empty instance").isInstanceOf(ConflictException.class);
        }
    }

    static void awaitEventListeners(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline
                && jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class) > 0) {
            Thread.sleep(100);
        }
    }
}
