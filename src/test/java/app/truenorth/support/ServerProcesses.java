package app.truenorth.support;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several nodes of the application, each a separate JVM, sharing one fresh PostgreSQL database: what
 * multi-node behaviour is tested with (inside one JVM, nodes hear each other's change signals without
 * PostgreSQL, which proves nothing). Typical use, one cluster per test class:
 *
 * <pre>{@code
 * static ServerProcesses cluster;
 *
 * @BeforeAll
 * static void startTwoNodes() {
 *     ServerProcesses.assumePostgres();             // skipped on H2
 *     cluster = ServerProcesses.start(2);           // nodes "A" and "B", each answering /healthz
 * }
 *
 * @AfterAll
 * static void stop() {
 *     if (cluster != null) cluster.close();         // kills the nodes, drops the database
 * }
 *
 * @Test
 * void ... {
 *     var a = cluster.node("A");
 *     a.get("/probe/...");                          // or any HTTP client on a.baseUrl()
 *     a.kill();                                     // kill -9
 *     a.start();                                    // again, on the same port if it is free
 *     cluster.jdbc().sql("select ...")...           // the shared database, for assertions
 * }
 * }</pre>
 *
 * <p>Each node runs the application's main class with the test JVM's JDK ({@code java.home}) and class
 * path, on a port it picks itself, against the cluster's database, with {@code truenorth.node-id} set
 * to its name. Test classes stay out of it except those marked {@link ServerProbe}: beans that let a
 * test drive or observe a node from outside (endpoints under {@code /probe/}, open in these processes
 * only). Extra application properties are passed as {@code "name=value"} to {@link #start(int, String...)}.
 * A node's output goes to {@code target/server-processes/<database>-<node>.log}; a node that does not
 * answer {@code /healthz} within three minutes fails the start with the end of that log.
 *
 * <p>Cleaning up never depends on the test: {@link #close()} kills the nodes and drops the database,
 * a shutdown hook does the same if the test JVM ends first, and a node ends itself when the JVM that
 * started it is gone (even after {@code kill -9}).
 */
public final class ServerProcesses implements AutoCloseable {

    /** Set to {@code true} in every node; {@link ServerProbe} beans exist only where it is. */
    public static final String MARKER_PROPERTY = "truenorth.test.server-process";
    /** The node's name, also the application's node id. */
    public static final String NODE_PROPERTY = "truenorth.node-id";
    static final String PORT_FILE_PROPERTY = "truenorth.test.port-file";
    static final String PARENT_PID_PROPERTY = "truenorth.test.parent-pid";

    private final String jdbcUrl;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final Thread cleanUpAtExit = new Thread(this::cleanUp, "server-processes-clean-up");
    private DriverManagerDataSource dataSource;
    private boolean closed;

    private ServerProcesses(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Skips the calling test or class (a JUnit assumption) unless the suite runs on PostgreSQL. */
    public static void assumePostgres() {
        Assumptions.assumeTrue(TestDatabases.onPostgres(),
                "Multi-node tests run on PostgreSQL only (TRUENORTH_DB_URL=jdbc:postgresql://…)");
    }

    /**
     * Creates a fresh database and starts {@code count} nodes named "A", "B", … one after the other (the
     * first one migrates the database), each answering {@code /healthz} when this returns.
     *
     * @param properties application properties for every node, as {@code "name=value"}
     */
    public static ServerProcesses start(int count, String... properties) {
        if (count < 1 || count > 26) {
            throw new IllegalArgumentException("Between 1 and 26 nodes");
        }
        var cluster = new ServerProcesses(TestDatabases.newPostgresDatabase());
        Runtime.getRuntime().addShutdownHook(cluster.cleanUpAtExit);
        try {
            for (int i = 0; i < count; i++) {
                var node = new ServerProcess(String.valueOf((char) ('A' + i)), cluster.jdbcUrl, List.of(properties));
                cluster.nodes.add(node);
                node.start();
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The node with this name ("A", "B", …). */
    public ServerProcess node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No node " + name));
    }

    public List<ServerProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** The JDBC URL of the database the nodes share. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The shared database, for a test's own reads and writes (connections are opened per statement). */
    public synchronized JdbcClient jdbc() {
        if (dataSource == null) {
            dataSource = new DriverManagerDataSource(jdbcUrl, TestDatabases.user(), TestDatabases.password());
        }
        return JdbcClient.create(dataSource);
    }

    /** Kills every node and drops the database. Safe to call twice. */
    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpAtExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerProcess node : nodes) {
            node.kill();
        }
        TestDatabases.dropPostgresDatabase(jdbcUrl);
    }
}
