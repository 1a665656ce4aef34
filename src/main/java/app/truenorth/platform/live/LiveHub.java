package app.truenorth.platform.live;

import app.truenorth.platform.cluster.ChangeSignals;
import app.truenorth.platform.schedule.ClusterScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates to browsers over server-sent events, on every node. A module publishes an event to a
 * topic where it writes the change, and a page's controller, after its own authorisation check, hands
 * the browser a stream of one topic:
 *
 * <pre>{@code
 * // in the writing transaction (delivered only if and when it commits)
 * live.publish("product:" + productId + ":execution", "check-in", html);
 *
 * // in a controller, once the caller may see that product
 * @GetMapping(path = "/products/{id}/execution/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
 * SseEmitter live(@PathVariable long id, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
 *     ... the module's access check for product id ...
 *     return live.subscribe("product:" + id + ":execution", lastEventId);
 * }
 * }</pre>
 *
 * The hub has no endpoint of its own and never takes a topic from a request: which topic a caller
 * may follow is the module's decision, made before it calls {@link #subscribe}.
 *
 * <p>How it holds together across nodes: events are numbered per topic in commit order (the topic's
 * row in {@code live_topic} is locked from numbering to commit, and numbering happens just before
 * commit) and stored in {@code live_event}; the commit is announced through {@link ChangeSignals}
 * (PostgreSQL {@code NOTIFY}, so every node hears it), and each node then sends the new events of
 * that topic to its own subscribers. An event's SSE id is its number, so a browser that reconnects
 * sends {@code Last-Event-ID} and gets exactly the events it missed, from whichever node it reaches.
 * Events are kept for {@code truenorth.live.retention} (an hour); a client that was away longer gets
 * one event named {@value #RESET_EVENT} and should reload what it shows. Every
 * {@code truenorth.live.heartbeat} (20 s) each stream gets a comment line, so proxies keep it open
 * and a closed one is noticed and dropped; a stream ends after {@code truenorth.live.timeout} (30 min)
 * and the browser reconnects by itself.
 */
@Component
public class LiveHub implements SmartLifecycle, DisposableBean {

    /** The event a client gets when events it missed were already deleted: reload, then carry on. */
    public static final String RESET_EVENT = "reset";
    static final String SIGNAL_TOPIC = "live";
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    private static final int MAX_TOPIC = 200;
    private static final int MAX_NAME = 100;
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ChangeSignals signals;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration retention;
    private final Duration timeout;
    /** Reads the database and fans out; one thread, so the events of a topic are handled in order. */
    private final ScheduledExecutorService dispatcher;
    /** Writes to the streams, each stream's writes in order: a slow browser holds up only its own stream. */
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Object pendingKey = new Object();
    private volatile boolean running;

    LiveHub(JdbcClient jdbc, ChangeSignals signals, Clock clock, PlatformTransactionManager transactions,
            ClusterScheduler scheduler,
            @Value("${truenorth.live.retention:PT1H}") Duration retention,
            @Value("${truenorth.live.heartbeat:PT20S}") Duration heartbeat,
            @Value("${truenorth.live.timeout:PT30M}") Duration timeout) {
        this.jdbc = jdbc;
        this.signals = signals;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.retention = retention;
        this.timeout = timeout;
        this.dispatcher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("truenorth-live").factory());
        dispatcher.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        signals.onCommitted(SIGNAL_TOPIC, topic -> dispatcher.execute(() -> {
            if (topic == null) {
                subscribers.keySet().forEach(this::deliver); // signals may have been missed: catch everyone up
            } else {
                deliver(topic);
            }
        }));
        scheduler.schedule("live-events-purge", Duration.ofMinutes(5), this::purge);
    }

    /** One event of a topic, numbered in commit order. */
    record Event(long seq, String name, String data) {
    }

    /**
     * Publishes an event to everyone following {@code topic}, on every node. Inside a transaction it is
     * stored and numbered just before that transaction commits, and delivered after it commits (never,
     * if it rolls back); outside one it is stored and delivered at once.
     *
     * @param topic what it is about, e.g. {@code "product:12:execution"}: one line, at most 200 characters
     * @param name the SSE event name (what the page listens for), one line, at most 100 characters
     * @param data the payload (JSON, an HTML fragment for htmx), any text
     */
    public void publish(String topic, String name, String data) {
        checkLine(topic, MAX_TOPIC, "topic");
        checkLine(name, MAX_NAME, "event name");
        if (data == null) {
            throw new IllegalArgumentException("An event has data (it may be empty)");
        }
        var event = new Pending(topic, name, data);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            @SuppressWarnings("unchecked")
            List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(pendingKey);
            if (pending == null) {
                List<Pending> fresh = new ArrayList<>();
                TransactionSynchronizationManager.bindResource(pendingKey, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        store(fresh);
                    }

                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
                    }
                });
                pending = fresh;
            }
            pending.add(event);
        } else {
            transaction.executeWithoutResult(status -> store(List.of(event)));
        }
    }

    /**
     * A stream of {@code topic}'s events for the browser that asked. Call it only after checking that
     * the caller may see what the topic carries.
     *
     * @param lastEventId the request's {@code Last-Event-ID} header (null on a first connection): the
     *        stream starts with the events after it; without it, with the next new event
     */
    public SseEmitter subscribe(String topic, String lastEventId) {
        var emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = subscribe(topic, lastEventId, new Sink() {
            @Override
            public void send(SseEmitter.SseEventBuilder event) throws IOException {
                emitter.send(event);
            }

            @Override
            public void failed(Exception e) {
                emitter.completeWithError(e);
            }

            @Override
            public void complete() {
                emitter.complete();
            }
        });
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> remove(subscriber));
        emitter.onError(e -> remove(subscriber));
        return emitter;
    }

    /** Where a stream's events go: an {@link SseEmitter}, or a test's recorder. */
    interface Sink {

        void send(SseEmitter.SseEventBuilder event) throws IOException;

        /** Writing failed (the browser went away): the stream is dropped. */
        void failed(Exception e);

        /** The node is shutting down: the stream ends (the browser reconnects elsewhere). */
        void complete();
    }

    /** Subscribes {@code sink} as {@link #subscribe(String, String)} subscribes a browser. */
    Subscriber subscribe(String topic, String lastEventId, Sink sink) {
        checkLine(topic, MAX_TOPIC, "topic");
        long latest = latestSeq(topic);
        long from = latest;
        boolean reset = false;
        OptionalLong claimed = parse(lastEventId);
        if (claimed.isPresent()) {
            long oldestKept = oldestSeq(topic).orElse(latest + 1);
            if (claimed.getAsLong() > latest || claimed.getAsLong() < oldestKept - 1) {
                reset = true; // events it missed are gone, or it counts from another database
            } else {
                from = claimed.getAsLong();
            }
        }
        var subscriber = new Subscriber(topic, sink, from);
        subscriber.open(reset);
        subscribers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(subscriber);
        // what was committed before it joined and after its starting point (a replay, or a race with a commit)
        dispatcher.execute(() -> deliver(topic));
        return subscriber;
    }

    /** How many streams this node serves for {@code topic}. */
    public int subscribers(String topic) {
        Set<Subscriber> set = subscribers.get(topic);
        return set == null ? 0 : set.size();
    }

    private record Pending(String topic, String name, String data) {
    }

    /** Numbers and stores the events, topic by topic in name order (so two writers never wait on each other in a circle). */
    private void store(List<Pending> events) {
        Map<String, List<Pending>> byTopic = new TreeMap<>();
        for (Pending e : events) {
            byTopic.computeIfAbsent(e.topic(), t -> new ArrayList<>()).add(e);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (var entry : byTopic.entrySet()) {
            String topic = entry.getKey();
            List<Pending> list = entry.getValue();
            long last = reserve(topic, list.size());
            long seq = last - list.size();
            for (Pending e : list) {
                jdbc.sql("insert into live_event (topic, seq, name, data, created_at) values (:topic, :seq, :name, :data, :now)")
                        .param("topic", topic).param("seq", ++seq).param("name", e.name()).param("data", e.data())
                        .param("now", now).update();
            }
            signals.changed(SIGNAL_TOPIC, topic);
        }
    }

    /** Moves the topic's counter on by {@code count}, locking its row until commit; returns the new last number. */
    private long reserve(String topic, int count) {
        String bump = "update live_topic set last_seq = last_seq + :n where topic = :topic";
        if (jdbc.sql(bump).param("n", count).param("topic", topic).update() == 0) {
            jdbc.sql("insert into live_topic (topic, last_seq) values (:topic, 0) on conflict do nothing")
                    .param("topic", topic).update();
            jdbc.sql(bump).param("n", count).param("topic", topic).update();
        }
        return jdbc.sql("select last_seq from live_topic where topic = :topic").param("topic", topic)
                .query(Long.class).single();
    }

    private long latestSeq(String topic) {
        return jdbc.sql("select last_seq from live_topic where topic = :topic").param("topic", topic)
                .query(Long.class).optional().orElse(0L);
    }

    private OptionalLong oldestSeq(String topic) {
        Long oldest = jdbc.sql("select min(seq) from live_event where topic = :topic").param("topic", topic)
                .query(Long.class).optional().orElse(null);
        return oldest == null ? OptionalLong.empty() : OptionalLong.of(oldest);
    }

    /** Sends this node's subscribers of {@code topic} what they have not had yet. Runs on the dispatcher. */
    private void deliver(String topic) {
        Set<Subscriber> set = subscribers.get(topic);
        if (set == null || set.isEmpty()) {
            return;
        }
        long from = set.stream().mapToLong(Subscriber::lastSent).min().orElse(0);
        try {
            List<Event> events;
            do {
                events = jdbc.sql("""
                        select seq, name, data from live_event where topic = :topic and seq > :from
                        order by seq fetch first %d rows only""".formatted(BATCH))
                        .param("topic", topic).param("from", from)
                        .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
                for (Subscriber s : set) {
                    s.send(from, events);
                }
                if (!events.isEmpty()) {
                    from = events.getLast().seq();
                }
            } while (events.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not read live events of '{}': {}", topic, e.toString());
        }
    }

    private void heartbeat() {
        for (Set<Subscriber> set : subscribers.values()) {
            set.forEach(Subscriber::heartbeat);
        }
    }

    private void remove(Subscriber subscriber) {
        subscribers.computeIfPresent(subscriber.topic, (t, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    void purge() {
        jdbc.sql("delete from live_event where created_at < :before")
                .param("before", OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC)).update();
    }

    /**
     * Ends every stream before the web server shuts down, which would otherwise wait for them as for
     * requests in progress; browsers reconnect, to another node, with their Last-Event-ID.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(set -> List.copyOf(set).forEach(Subscriber::close));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        stop();
        dispatcher.shutdownNow();
        writers.shutdown();
    }

    private static void checkLine(String value, int max, String what) {
        if (value == null || value.isBlank() || value.length() > max || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A " + what + " is one line of 1 to " + max + " characters");
        }
    }

    private static OptionalLong parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(lastEventId.strip());
            return value < 0 ? OptionalLong.of(-1) : OptionalLong.of(value);
        } catch (NumberFormatException e) {
            return OptionalLong.of(-1); // not one of ours: treated as too old
        }
    }

    /**
     * One browser's stream. Whatever is to be written to it waits in its own queue and is written by one
     * writer at a time, in order; events already sent are skipped, so overlapping reads never send an
     * event twice.
     */
    final class Subscriber {

        private final String topic;
        private final Sink sink;
        private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile long lastSent;
        private volatile boolean closed;

        Subscriber(String topic, Sink sink, long lastSent) {
            this.topic = topic;
            this.sink = sink;
            this.lastSent = lastSent;
        }

        long lastSent() {
            return lastSent;
        }

        /** The first bytes: the stream is open (and, if the client missed too much, told to reload). */
        void open(boolean reset) {
            post(() -> {
                write(SseEmitter.event().comment("connected").reconnectTime(2_000));
                if (reset) {
                    write(SseEmitter.event().id(Long.toString(lastSent)).name(RESET_EVENT).data(""));
                }
            });
        }

        /** The events of a read that started after {@code readFrom}, in order. */
        void send(long readFrom, List<Event> events) {
            post(() -> {
                if (readFrom > lastSent) {
                    return; // read before this stream joined, from past its start: its own catch-up read covers it
                }
                for (Event e : events) {
                    if (e.seq() <= lastSent) {
                        continue;
                    }
                    if (e.seq() != lastSent + 1) {
                        // numbers are given in commit order, so the ones in between were deleted as too old
                        write(SseEmitter.event().id(Long.toString(lastSent)).name(RESET_EVENT).data(""));
                    }
                    write(SseEmitter.event().id(Long.toString(e.seq())).name(e.name()).data(e.data()));
                    lastSent = e.seq();
                }
            });
        }

        void heartbeat() {
            post(() -> write(SseEmitter.event().comment("")));
        }

        /** Ends this stream (the application is shutting down). */
        void close() {
            closed = true;
            remove(this);
            try {
                sink.complete();
            } catch (RuntimeException e) {
                // already gone
            }
        }

        private void write(SseEmitter.SseEventBuilder event) {
            if (closed) {
                return;
            }
            try {
                sink.send(event);
            } catch (IOException | RuntimeException e) {
                closed = true;
                remove(this);
                sink.failed(e);
            }
        }

        private void post(Runnable task) {
            mailbox.add(task);
            drainUnlessDraining();
        }

        private void drainUnlessDraining() {
            if (draining.compareAndSet(false, true)) {
                writers.execute(() -> {
                    try {
                        Runnable next;
                        while ((next = mailbox.poll()) != null) {
                            if (!closed) {
                                next.run();
                            }
                        }
                    } finally {
                        draining.set(false);
                    }
                    if (!mailbox.isEmpty()) {
                        drainUnlessDraining(); // posted after the last poll, before draining was cleared
                    }
                });
            }
        }
    }
}
