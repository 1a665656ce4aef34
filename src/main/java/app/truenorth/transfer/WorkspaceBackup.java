package app.truenorth.transfer;

import app.truenorth.platform.ConflictException;
import app.truenorth.platform.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole workspace as JSON, and back into an empty instance. The tables are found from the schema, not
 * listed per module: a table belongs to a workspace when it has a {@code workspace_id} column, or a
 * foreign key to a table that belongs (product → roadmap → roadmap_theme ...), and the members' accounts
 * come along through their memberships. Tables that later modules add are covered without touching this
 * class. Sessions, login throttling, the event log, background jobs and Flyway's history belong to the instance
 * and stay out, and so does derived data: the text index's tables ({@code text_*}).
 *
 * <p>Rows keep their ids, so every reference inside the workspace survives the round trip; identity
 * counters are moved past the restored ids afterwards.
 */
public final class WorkspaceBackup {

    public static final String FORMAT = "truenorth-backup";
    public static final int VERSION = 1;

    // background jobs are short-lived work in progress (uploads awaiting confirmation, export files): never backed up
    private static final Set<String> INSTANCE_TABLES = Set.of("login_throttle", "event_publication", "flyway_schema_history",
            "background_job");

    private WorkspaceBackup() {
    }

    /** How each table's rows are chosen, in an order that satisfies the foreign keys. */
    record Plan(List<String> tables, Map<String, String> where) {
    }

    static Plan plan(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<Plan>) connection -> plan(connection));
    }

    private static Plan plan(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Set<String>> columns = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new LinkedHashSet<>())
                        .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                // text_*: the text index's documents and vectors are derived data, rebuilt by their owners
                if (!INSTANCE_TABLES.contains(t) && !t.startsWith("spring_session") && !t.startsWith("event_publication")
                        && !t.startsWith("text_")) {
                    tables.add(t);
                }
            }
        }
        tables.sort(null);
        // foreign keys: child table -> (column -> parent table)
        Map<String, Map<String, String>> keys = new HashMap<>();
        Map<String, Set<String>> nullable = new HashMap<>();
        for (String table : tables) {
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
                    while (rs.next()) {
                        keys.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                                rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    if (rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable) {
                        nullable.computeIfAbsent(table, t -> new HashSet<>()).add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Map<String, String> where = new LinkedHashMap<>();
        where.put("workspace", "id = :ws");
        where.put("app_user", "id in (select user_id from membership where workspace_id = :ws)");
        for (String table : tables) {
            if (!where.containsKey(table) && columns.getOrDefault(table, Set.of()).contains("workspace_id")) {
                where.put(table, "workspace_id = :ws");
            }
        }
        boolean grew = true;
        while (grew) { // follow foreign keys down from what belongs, preferring a required key over an optional one
            grew = false;
            for (String table : tables) {
                if (where.containsKey(table)) {
                    continue;
                }
                String best = null;
                for (var key : keys.getOrDefault(table, Map.of()).entrySet()) {
                    String parent = key.getValue();
                    if (!where.containsKey(parent) || parent.equals("app_user") || parent.equals(table)) {
                        continue;
                    }
                    boolean optional = nullable.getOrDefault(table, Set.of()).contains(key.getKey());
                    String condition = key.getKey() + " in (select id from " + parent + " where " + where.get(parent) + ")";
                    if (best == null || !optional) {
                        best = condition;
                        if (!optional) {
                            break;
                        }
                    }
                }
                if (best != null) {
                    where.put(table, best);
                    grew = true;
                }
            }
        }
        // insertion order: parents before children (self-references are ordered by id instead)
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < where.size()) {
            boolean progress = false;
            for (String table : where.keySet()) {
                if (placed.contains(table)) {
                    continue;
                }
                boolean ready = keys.getOrDefault(table, Map.of()).values().stream()
                        .allMatch(p -> p.equals(table) || placed.contains(p) || !where.containsKey(p));
                if (ready) {
                    ordered.add(table);
                    placed.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Foreign keys form a cycle among " + where.keySet() + " minus " + placed);
            }
        }
        return new Plan(ordered, where);
    }

    /** The workspace's rows of every table that belongs to it, as a version-1 backup document. */
    public static Map<String, Object> export(JdbcTemplate jdbc, long workspaceId, OffsetDateTime now) {
        Plan plan = plan(jdbc);
        Map<String, Object> tables = new LinkedHashMap<>();
        for (String table : plan.tables()) {
            String order = hasId(jdbc, table) ? " order by id" : "";
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            jdbc.query("select * from " + table + " where " + plan.where().get(table).replace(":ws", "?") + order
                            + (order.isEmpty() ? " order by 1, 2" : ""),
                    rs -> {
                        ResultSetMetaData md = rs.getMetaData();
                        if (names.isEmpty()) {
                            for (int c = 1; c <= md.getColumnCount(); c++) {
                                names.add(md.getColumnLabel(c).toLowerCase(Locale.ROOT));
                                types.add(JDBCType(md.getColumnType(c), md.getColumnTypeName(c)));
                            }
                        }
                        List<Object> row = new ArrayList<>();
                        for (int c = 1; c <= md.getColumnCount(); c++) {
                            row.add(write(rs, c, types.get(c - 1)));
                        }
                        rows.add(row);
                    }, repeat(workspaceId, plan.where().get(table)));
            if (names.isEmpty()) {
                jdbc.query("select * from " + table + " where 1 = 0", rs -> {
                }); // no rows: columns are not needed to restore nothing
            }
            tables.put(table, Map.of("columns", names, "types", types, "rows", rows));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("workspaceId", workspaceId);
        document.put("createdAt", now.toString());
        document.put("tables", tables);
        return document;
    }

    /**
     * Restores a backup into an instance that has no workspace and no account yet, in the caller's
     * transaction. Returns the number of rows restored per table.
     */
    public static Map<String, Integer> restore(JdbcTemplate jdbc, DataSource dataSource, JsonMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("file", "This is not a TrueNorth backup: " + e.getOriginalMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asString("")) || root.path("version").asInt(0) != VERSION) {
            throw new InvalidInputException("file", "This is not a version-" + VERSION + " TrueNorth backup (\"format\": \""
                    + FORMAT + "\").");
        }
        Integer users = jdbc.queryForObject("select count(*) from app_user", Integer.class);
        Integer workspaces = jdbc.queryForObject("select count(*) from workspace", Integer.class);
        if ((users != null && users > 0) || (workspaces != null && workspaces > 0)) {
            throw new ConflictException("A backup can only be restored into an empty instance: this one already has "
                    + users + " accounts and " + workspaces + " workspaces.");
        }
        Plan plan = plan(jdbc);
        Map<String, Integer> restored = new LinkedHashMap<>();
        JsonNode tables = root.path("tables");
        for (String table : plan.tables()) {
            JsonNode t = tables.get(table);
            if (t == null || t.path("rows").isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            t.path("columns").forEach(c -> names.add(c.asString()));
            List<String> types = new ArrayList<>();
            t.path("types").forEach(c -> types.add(c.asString()));
            String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            List<Object[]> batch = new ArrayList<>();
            for (JsonNode row : t.path("rows")) {
                Object[] values = new Object[names.size()];
                for (int c = 0; c < names.size(); c++) {
                    values[c] = read(row.get(c), types.get(c));
                }
                batch.add(values);
            }
            jdbc.batchUpdate(sql, batch);
            restored.put(table, batch.size());
        }
        for (JsonNode t : iterable(tables.propertyNames())) {
            if (!plan.tables().contains(t.asString())) {
                throw new InvalidInputException("file", "The backup has a table this instance does not know: " + t.asString()
                        + ". Restore it into a TrueNorth of the same or a later version.");
            }
        }
        resetIdentities(jdbc, plan.tables());
        return restored;
    }

    private static Iterable<JsonNode> iterable(java.util.Collection<String> names) {
        List<JsonNode> nodes = new ArrayList<>();
        names.forEach(n -> nodes.add(tools.jackson.databind.node.StringNode.valueOf(n)));
        return nodes;
    }

    private static void resetIdentities(JdbcTemplate jdbc, List<String> tables) {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        for (String table : tables) {
            if (!hasId(jdbc, table)) {
                continue;
            }
            Long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
            if (postgres) {
                String sequence = jdbc.queryForObject("select pg_get_serial_sequence(?, 'id')", String.class, table);
                if (sequence != null) {
                    jdbc.queryForObject("select setval(?, ?, false)", Long.class, sequence, max + 1);
                }
            } else {
                try {
                    jdbc.execute("alter table " + table + " alter column id restart with " + (max + 1));
                } catch (RuntimeException e) {
                    // not an identity column (an id given by the application): nothing to move
                }
            }
        }
    }

    private static boolean hasId(JdbcTemplate jdbc, String table) {
        Integer n = jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where lower(table_schema) = 'public' and lower(table_name) = ? and lower(column_name) = 'id'""", Integer.class, table);
        return n != null && n > 0;
    }

    private static Object[] repeat(long workspaceId, String where) {
        int n = where.split(":ws", -1).length - 1;
        Object[] args = new Object[n];
        java.util.Arrays.fill(args, workspaceId);
        return args;
    }

    private static String JDBCType(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("timestamptz") || name.contains("with time zone")) {
            return "timestamptz"; // PostgreSQL's driver reports these as plain TIMESTAMP
        }
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "integer";
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> "decimal";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.DATE -> "date";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            case Types.TIMESTAMP -> "timestamp";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            default -> "text";
        };
    }

    private static Object write(ResultSet rs, int column, String type) throws SQLException {
        Object value = switch (type) {
            case "integer" -> rs.getObject(column) == null ? null : rs.getLong(column);
            case "decimal" -> rs.getBigDecimal(column) == null ? null : rs.getBigDecimal(column).toPlainString();
            case "boolean" -> rs.getObject(column) == null ? null : rs.getBoolean(column);
            case "date" -> rs.getObject(column, LocalDate.class);
            case "timestamptz" -> rs.getObject(column, OffsetDateTime.class);
            case "timestamp" -> rs.getObject(column, LocalDateTime.class);
            case "binary" -> rs.getBytes(column) == null ? null : Base64.getEncoder().encodeToString(rs.getBytes(column));
            default -> rs.getString(column);
        };
        return value instanceof LocalDate || value instanceof OffsetDateTime || value instanceof LocalDateTime
                ? value.toString() : value;
    }

    private static Object read(JsonNode node, String type) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (type) {
            case "integer" -> node.asLong();
            case "decimal" -> new BigDecimal(node.asString());
            case "boolean" -> node.asBoolean();
            case "date" -> LocalDate.parse(node.asString());
            case "timestamptz" -> OffsetDateTime.parse(node.asString());
            case "timestamp" -> LocalDateTime.parse(node.asString());
            case "binary" -> Base64.getDecoder().decode(node.asString());
            default -> node.asString();
        };
    }
}
