package app.truenorth.platform.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces that stored data changed, so that every node drops what its {@link NodeCache}s hold of it.
 * Callers announce a change where they write it, inside the writing transaction; the caches on this
 * node forget at once and again when the transaction ends (a read between the two cannot keep rows
 * that were about to be replaced, see {@link NodeCache}).
 *
 * <p>How other nodes hear it depends on the database, because that decides which nodes can exist:
 * <ul>
 *   <li><b>Embedded H2</b> (a file or in-memory database): only this process can open it, so every
 *       node that shares it runs in this JVM and hears the change directly.</li>
 *   <li><b>PostgreSQL</b>: the change is sent with {@code pg_notify} inside the writing transaction, so
 *       PostgreSQL delivers it exactly when (and only if) the transaction commits; each node listens on
 *       a connection of its own. While that connection is down, caches are bypassed and emptied, and
 *       they start afresh once it listens again.</li>
 *   <li>Anything else (H2 in server mode, other databases): nothing is cached.</li>
 * </ul>
 * {@code truenorth.node-cache.enabled=false} turns caching off everywhere.
 *
 * <p>Besides emptying caches, a change can be heard: {@link #onCommitted} calls a listener with each
 * change to a topic once it is committed, on every node (this is what feeds the live updates of
 * {@code platform.live.LiveHub}). On PostgreSQL the listener hears it from the notification, on the
 * node that made the change as on every other; on embedded H2 (and on a database nodes cannot signal
 * through) it hears it in this JVM right after the commit.
 */
@Component
public class ChangeSignals implements SmartLifecycle, DisposableBean {

    static final String CHANNEL = "truenorth_changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeSignals.class);
    /** Every instance in this JVM: the nodes that can share an embedded database (and tests' second nodes). */
    private static final Set<ChangeSignals> NODES = ConcurrentHashMap.newKeySet();

    enum Mode { LOCAL, POSTGRES, OFF }

    private final Mode mode;
    private final JdbcClient jdbc;
    private final boolean caching;
    private final Map<String, List<NodeCache<?>>> caches = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    /** Marks a transaction that announced a change: it must read its own writes, not the cache. */
    private final Object pendingKey = new Object();
    private final PostgresListener listener;

    @Autowired
    ChangeSignals(DataSource dataSource, JdbcClient jdbc, @Value("${truenorth.node-cache.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : null;
        this.mode = modeFor(url);
        // with caching off the signals still run: committed changes are heard (onCommitted) all the same
        this.caching = enabled && mode != Mode.OFF;
        this.listener = mode == Mode.POSTGRES ? new PostgresListener((HikariDataSource) dataSource) : null;
        NODES.add(this);
    }

    private ChangeSignals(Mode mode) {
        this.mode = mode;
        this.caching = true;
        this.jdbc = null;
        this.listener = null;
        NODES.add(this);
    }

    /**
     * Signals for a process that is the only user of its data (tools, unit tests): changes reach this
     * JVM's caches only. Call {@link #destroy()} when done.
     */
    public static ChangeSignals forOneProcess() {
        return new ChangeSignals(Mode.LOCAL);
    }

    static Mode modeFor(String url) {
        if (url == null) {
            return Mode.OFF;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return Mode.POSTGRES;
        }
        boolean embeddedH2 = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:")
                && !lower.replace(" ", "").contains("auto_server=true");
        return embeddedH2 ? Mode.LOCAL : Mode.OFF;
    }

    Mode mode() {
        return mode;
    }

    /** A cache of {@code topic}'s data, dropped whenever a change to that topic is announced. */
    public <V> NodeCache<V> cache(String topic, int maxEntries, Duration maxAge) {
        var cache = new NodeCache<V>(topic, this, maxEntries, maxAge);
        caches.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(cache);
        return cache;
    }

    /**
     * Calls {@code listener} with the key of every change to {@code topic} once it is committed, by this
     * node or (on PostgreSQL) by any node, and with {@code null} when changes may have been missed:
     * after this node starts listening to PostgreSQL again, or when everything changed. It runs on the
     * thread that committed or on the thread that listens to PostgreSQL, so it must return quickly
     * (hand real work to a thread of its own) and not throw. A change made outside a transaction is
     * heard at once; one rolled back is never heard.
     */
    public void onCommitted(String topic, Consumer<String> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Announces a change to one entry of {@code topic} ({@code key}), or to all of it ({@code key} null). */
    public void changed(String topic, String key) {
        if (topic.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A topic is one line");
        }
        deliverHere(topic, key);
        if (mode != Mode.POSTGRES) {
            // no other process can share this database (or none can be told): this JVM hears it at commit
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        hearHere(topic, key);
                    }
                });
            } else {
                hearHere(topic, key);
            }
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (!TransactionSynchronizationManager.hasResource(pendingKey)) {
                TransactionSynchronizationManager.bindResource(pendingKey, Boolean.TRUE);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
                    }
                });
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    deliverHere(topic, key);
                }
            });
        }
        if (mode == Mode.POSTGRES) {
            // joins the caller's transaction, so PostgreSQL delivers it at commit and drops it on rollback
            jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL)
                    .param("payload", topic + "\n" + (key == null ? "" : key)).query((rs, i) -> 1).list();
        }
    }

    /** Announces that anything may have changed (a restore): every cache on every node starts afresh. */
    public void changedEverything() {
        for (String topic : caches.keySet()) {
            changed(topic, null);
        }
        for (String topic : listeners.keySet()) {
            if (!caches.containsKey(topic)) {
                changed(topic, null);
            }
        }
    }

    /** Whether the caches may be used right now, on this thread. */
    boolean usable() {
        return trusted() && !TransactionSynchronizationManager.hasResource(pendingKey);
    }

    /** Whether changes made anywhere reach this node: always on embedded H2, while listening on PostgreSQL. */
    boolean trusted() {
        if (!caching) {
            return false;
        }
        return switch (mode) {
            case LOCAL -> true;
            case POSTGRES -> listener.listening();
            case OFF -> false;
        };
    }

    private void deliverHere(String topic, String key) {
        for (ChangeSignals node : NODES) {
            node.forget(topic, key);
        }
    }

    private static void hearHere(String topic, String key) {
        for (ChangeSignals node : NODES) {
            node.heard(topic, key);
        }
    }

    /** A committed change reached this node: tell whoever listens to its topic. */
    void heard(String topic, String key) {
        List<Consumer<String>> interested = listeners.get(topic);
        if (interested != null) {
            for (Consumer<String> l : interested) {
                try {
                    l.accept(key);
                } catch (RuntimeException e) {
                    log.warn("A listener to '{}' failed: {}", topic, e.toString());
                }
            }
        }
    }

    /** Changes may have been missed: every listener of every topic hears {@code null}. */
    private void heardMaybeEverything() {
        for (String topic : listeners.keySet()) {
            heard(topic, null);
        }
    }

    void forget(String topic, String key) {
        List<NodeCache<?>> known = caches.get(topic);
        if (known != null) {
            known.forEach(c -> c.invalidate(key));
        }
    }

    private void forgetEverything() {
        caches.values().forEach(list -> list.forEach(c -> c.invalidate(null)));
    }

    @Override
    public void start() {
        if (listener != null) {
            listener.start();
        }
    }

    @Override
    public void stop() {
        if (listener != null) {
            listener.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null && listener.running();
    }

    @Override
    public void destroy() {
        stop();
        NODES.remove(this);
    }

    /**
     * Listens for other nodes' announcements on a connection of its own (not one of the pool's, which
     * would be held forever), reconnecting after a failure. Until it listens, nothing is cached.
     */
    private final class PostgresListener implements Runnable {

        private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

        private final String url;
        private final Properties credentials = new Properties();
        private volatile boolean listening;
        private volatile boolean running;
        private volatile Thread thread;
        private volatile Connection connection;

        PostgresListener(HikariDataSource source) {
            this.url = source.getJdbcUrl();
            if (source.getUsername() != null) {
                credentials.setProperty("user", source.getUsername());
            }
            if (source.getPassword() != null) {
                credentials.setProperty("password", source.getPassword());
            }
            credentials.setProperty("ApplicationName", "truenorth change listener");
        }

        boolean listening() {
            return listening;
        }

        boolean running() {
            return running;
        }

        synchronized void start() {
            if (running) {
                return;
            }
            running = true;
            thread = Thread.ofPlatform().daemon().name("truenorth-change-listener").start(this);
        }

        synchronized void stop() {
            running = false;
            listening = false;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
                closeQuietly();
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            thread = null;
        }

        @Override
        public void run() {
            boolean failedBefore = false;
            while (running) {
                try (Connection c = DriverManager.getConnection(url, credentials)) {
                    connection = c;
                    try (Statement s = c.createStatement()) {
                        s.execute("LISTEN " + CHANNEL);
                    }
                    // anything may have changed while nobody listened
                    forgetEverything();
                    listening = true;
                    heardMaybeEverything();
                    if (failedBefore) {
                        log.info("Listening for changes from other nodes again");
                    }
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] received = pg.getNotifications(500);
                        if (received != null) {
                            for (PGNotification n : received) {
                                String payload = n.getParameter();
                                int split = payload.indexOf('\n');
                                String topic = split < 0 ? payload : payload.substring(0, split);
                                String key = split < 0 || split == payload.length() - 1 ? null : payload.substring(split + 1);
                                forget(topic, key);
                                heard(topic, key);
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (running) {
                        log.warn("Not listening for changes from other nodes ({}); caches are off until it reconnects",
                                e.getMessage());
                        failedBefore = true;
                    }
                } finally {
                    listening = false;
                    connection = null;
                    forgetEverything();
                }
                if (running) {
                    try {
                        Thread.sleep(RECONNECT_DELAY);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        private void closeQuietly() {
            Connection c = connection;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing only to wake the listener up on shutdown
                }
            }
        }
    }
}
