package app.truenorth.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context a database of its own, so test runs never see each other's data.
 * On H2 that is a fresh in-memory database. When {@code TRUENORTH_DB_URL} (or the system property
 * {@code truenorth.test.db.url}) names a PostgreSQL server, a new database is created on that server
 * for each context and dropped when the test JVM exits; databases left by a killed run are dropped
 * by the next run once they are a few hours old.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Set on a context that must use the datasource it was given, e.g. a second node sharing a database. */
    public static final String SHARE_DATABASE = "truenorth.test.share-database";
    private static final String PREFIX = "truenorth_test_";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();
    private static boolean hookInstalled;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty(SHARE_DATABASE)) {
            return; // a second node of a multi-node test: it uses the first node's database as given
        }
        String server = serverUrl();
        String url;
        String user = user();
        String password = password();
        if (server != null && server.startsWith("jdbc:postgresql:")) {
            url = createPostgresDatabase(server, user, password);
            synchronized (TestDatabases.class) {
                CONTEXTS.add(context);
            }
        } else {
            url = "jdbc:h2:mem:tn" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            user = "sa";
            password = "";
        }
        // small pools: a test run keeps a dozen contexts alive at once, and PostgreSQL allows 100 connections
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("truenorth-test-database", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                "spring.datasource.hikari.maximum-pool-size", "4",
                "spring.datasource.hikari.minimum-idle", "1")));
    }

    /** True when this run targets PostgreSQL. */
    public static boolean onPostgres() {
        String server = serverUrl();
        return server != null && server.startsWith("jdbc:postgresql:");
    }

    /**
     * A new, empty PostgreSQL database on the server the suite runs against, for tests that start the
     * application in processes of their own ({@link ServerProcesses}). Dropped by
     * {@link #dropPostgresDatabase} or, failing that, when the test JVM exits.
     *
     * @throws IllegalStateException when the suite does not run on PostgreSQL
     */
    public static String newPostgresDatabase() {
        if (!onPostgres()) {
            throw new IllegalStateException("The suite does not run on PostgreSQL (TRUENORTH_DB_URL)");
        }
        return createPostgresDatabase(serverUrl(), user(), password());
    }

    /** Drops a database made by {@link #newPostgresDatabase}, closing whatever connections it still has. */
    public static synchronized void dropPostgresDatabase(String url) {
        String name = databaseName(url);
        if (!CREATED.contains(name)) {
            throw new IllegalArgumentException("Not a database this run created: " + name);
        }
        try (Connection c = DriverManager.getConnection(serverUrl(), user(), password()); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            CREATED.remove(name);
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + " (dropped at exit instead): " + e.getMessage());
        }
    }

    /** The user and password the suite's PostgreSQL server is reached with. */
    public static String user() {
        return env("TRUENORTH_DB_USER", "postgres");
    }

    public static String password() {
        return env("TRUENORTH_DB_PASSWORD", "");
    }

    private static String databaseName(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }

    private static String serverUrl() {
        String property = System.getProperty("truenorth.test.db.url");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("TRUENORTH_DB_URL");
        return env == null || env.isBlank() ? null : env;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static synchronized String createPostgresDatabase(String server, String user, String password) {
        long now = System.currentTimeMillis() / 1000;
        String name = PREFIX + now + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            dropStale(s, now);
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + server + ": " + e.getMessage(), e);
        }
        CREATED.add(name);
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server, user, password)));
        }
        return withDatabase(server, name);
    }

    private static void dropStale(Statement s, long now) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).substring(PREFIX.length()).split("_");
                try {
                    if (now - Long.parseLong(parts[0]) > 6 * 3600) {
                        stale.add(rs.getString(1));
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String db : stale) {
            s.execute("drop database if exists " + db + " with (force)");
        }
    }

    private static void dropAll(String server, String user, String password) {
        // close the contexts first, so their connection pools are gone before their databases are
        for (ConfigurableApplicationContext context : CONTEXTS) {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("Could not close a test context: " + e.getMessage());
            }
        }
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            for (String db : CREATED) {
                s.execute("drop database if exists " + db + " with (force)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }

    /** The server URL with its database name replaced, keeping any parameters. */
    static String withDatabase(String server, String database) {
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        String params = query < 0 ? "" : server.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }
}
