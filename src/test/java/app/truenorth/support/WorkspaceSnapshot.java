package app.truenorth.support;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row that belongs to one workspace, read straight from the database: rows of every table with
 * a {@code workspace_id} column, rows of every table with a {@code product_id} column whose product is
 * in the workspace, the workspace itself and its members' accounts. Tables are found from the schema,
 * so the tables that later modules add are covered without touching this class.
 *
 * <p>Two snapshots are equal when nothing in the workspace was written in between: that is how tests
 * prove a refused request changed nothing.
 */
public final class WorkspaceSnapshot {

    /** Columns that legitimately change on reads (a token's last use), per table. */
    private static final Map<String, Set<String>> VOLATILE = Map.of("api_token", Set.of("last_used_at"));

    private final Map<String, List<String>> rowsByTable;

    private WorkspaceSnapshot(Map<String, List<String>> rowsByTable) {
        this.rowsByTable = rowsByTable;
    }

    public static WorkspaceSnapshot of(JdbcClient jdbc, long workspaceId) {
        awaitEventListeners(jdbc);
        Map<String, List<String>> rows = new TreeMap<>();
        List<String> withWorkspace = tablesWithColumn(jdbc, "workspace_id");
        for (String table : withWorkspace) {
            rows.put(table, rows(jdbc, "select * from " + table + " where workspace_id = :ws", table, workspaceId));
        }
        for (String table : tablesWithColumn(jdbc, "product_id")) {
            if (!withWorkspace.contains(table)) {
                rows.put(table, rows(jdbc, "select * from " + table
                        + " where product_id in (select id from product where workspace_id = :ws)", table, workspaceId));
            }
        }
        rows.put("workspace", rows(jdbc, "select * from workspace where id = :ws", "workspace", workspaceId));
        rows.put("app_user", rows(jdbc,
                "select * from app_user where id in (select user_id from membership where workspace_id = :ws)", "app_user",
                workspaceId));
        return new WorkspaceSnapshot(rows);
    }

    /**
     * Modules react to events (a product was created, ...) after the publishing transaction, on other
     * threads; a snapshot taken while they still write would differ from the next for reasons that
     * have nothing to do with the test. Waits a few seconds at most for them to finish.
     */
    private static void awaitEventListeners(JdbcClient jdbc) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline
                && jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many rows of each table there are in the whole database (sessions and throttling left out). */
    public static Map<String, Long> rowCounts(JdbcClient jdbc) {
        awaitEventListeners(jdbc);
        Map<String, Long> counts = new TreeMap<>();
        for (String table : allTables(jdbc)) {
            if (table.startsWith("spring_session") || table.equals("login_throttle") || table.equals("event_publication")
                    || table.startsWith("flyway")) {
                continue;
            }
            // the job registry's sweep deletes expired jobs on its own schedule; a request that starts a job
            // still shows as a new row here, an expired one leaving meanwhile does not
            String where = table.equals("background_job") ? " where expires_at > current_timestamp" : "";
            counts.put(table, jdbc.sql("select count(*) from " + table + where).query(Long.class).single());
        }
        return counts;
    }

    public Map<String, List<String>> rows() {
        return rowsByTable;
    }

    /** The tables whose rows differ from the other snapshot, with both versions, for a readable failure. */
    public String differences(WorkspaceSnapshot later) {
        StringBuilder out = new StringBuilder();
        for (String table : rowsByTable.keySet()) {
            List<String> before = rowsByTable.get(table);
            List<String> after = later.rowsByTable.getOrDefault(table, List.of());
            if (!before.equals(after)) {
                out.append(table).append(":\n  before ").append(before).append("\n  after  ").append(after).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkspaceSnapshot s && s.rowsByTable.equals(rowsByTable);
    }

    @Override
    public int hashCode() {
        return rowsByTable.hashCode();
    }

    @Override
    public String toString() {
        return rowsByTable.toString();
    }

    private static List<String> tablesWithColumn(JdbcClient jdbc, String column) {
        return jdbc.sql("""
                select distinct lower(table_name) from information_schema.columns
                where lower(table_schema) = 'public' and lower(column_name) = :column
                order by 1""")
                .param("column", column)
                .query(String.class)
                .list();
    }

    private static List<String> allTables(JdbcClient jdbc) {
        return jdbc.sql("""
                select lower(table_name) from information_schema.tables
                where lower(table_schema) = 'public' and upper(table_type) in ('BASE TABLE', 'TABLE')
                order by 1""")
                .query(String.class)
                .list();
    }

    private static List<String> rows(JdbcClient jdbc, String sql, String table, long workspaceId) {
        Set<String> skip = VOLATILE.getOrDefault(table, Set.of());
        List<String> rows = new ArrayList<>(jdbc.sql(sql).param("ws", workspaceId).query((rs, i) -> row(rs, skip)).list());
        rows.sort(null);
        return rows;
    }

    private static String row(ResultSet rs, Set<String> skip) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> values = new TreeMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            String name = meta.getColumnLabel(c).toLowerCase();
            if (skip.contains(name)) {
                continue;
            }
            Object value = rs.getObject(c);
            values.put(name, value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
        }
        return values.toString();
    }
}
