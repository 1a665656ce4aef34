package app.truenorth.platform.security;

import app.truenorth.platform.cluster.ChangeSignals;
import app.truenorth.platform.cluster.NodeCache;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * The database session store, minus the write and the read on every request.
 *
 * <p><b>Writes.</b> Spring Session marks a session changed whenever a request touches it (the
 * last-access time moves), so every signed-in page view cost a transaction with an UPDATE of the
 * session row: the largest single cost of a page in the throughput benchmark (docs/benchmarks.md).
 * Here a session is written only when something in it changed (an attribute, its id, its timeout) or
 * when its stored last-access time is more than {@link #ACCESS_WRITE_INTERVAL} old. With a 14-day
 * timeout that moves expiry by at most that interval.
 *
 * <p><b>Reads.</b> The session row was still read on every request. Now the node keeps what it read
 * ({@link NodeCache}, topic {@value #TOPIC}) and every write or deletion of a session, on any node,
 * announces itself through {@link ChangeSignals}, so a sign-out or a new CSRF token elsewhere drops the
 * copy here. A request served from the copy gets a private {@link MapSession} made from it; the
 * first change it makes (or the once-a-minute access write) loads the stored session and applies the
 * change to that, so writes always start from the shared table. Only sessions whose attributes are
 * all immutable values are kept (see {@link SessionAttributeCodec}); others are read every time.
 *
 * <p>Relies on Spring Session's default save mode (attributes are saved when set, not when read), so
 * {@link SessionStoreConfig} only installs it when that mode is in force.
 */
final class QuietSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession<S>> {

    static final Duration ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);
    static final String TOPIC = "session";
    /** How long a copy may be used without hearing of a change: bounds what a change made by hand in SQL can miss. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final int MAX_SESSIONS = 20_000;

    private final FindByIndexNameSessionRepository<S> store;
    private final ChangeSignals signals;
    private final NodeCache<Snapshot> known;

    QuietSessionRepository(FindByIndexNameSessionRepository<S> store, ChangeSignals signals) {
        this.store = store;
        this.signals = signals;
        this.known = signals.cache(TOPIC, MAX_SESSIONS, MAX_AGE);
    }

    @Override
    public QuietSession<S> createSession() {
        return new QuietSession<>(store.createSession(), true);
    }

    @Override
    public void save(QuietSession<S> session) {
        if (session.gone()) {
            announce(session.loadedId()); // found ended when the request tried to change it: drop the copy
            return;
        }
        if (!session.mustWrite()) {
            return;
        }
        S stored = session.storedForWrite();
        if (stored == null) {
            // ended elsewhere since this request began: nothing to write to, and nothing to keep
            announce(session.loadedId());
            return;
        }
        store.save(stored);
        session.written();
        announce(session.loadedId());
        if (!stored.getId().equals(session.loadedId())) {
            announce(stored.getId());
        }
    }

    @Override
    public QuietSession<S> findById(String id) {
        Snapshot copy = known.peek(id);
        if (copy != null && !copy.expired(Instant.now())) {
            return new QuietSession<>(copy, this::load);
        }
        long generation = known.generation();
        S found = load(id);
        if (found == null) {
            return null;
        }
        Snapshot snapshot = Snapshot.of(found);
        if (snapshot != null) {
            known.put(id, snapshot, generation);
        }
        return new QuietSession<>(found, false);
    }

    private S load(String id) {
        // one select: no transaction of its own needed (see SessionTransactions)
        return SessionTransactions.read(() -> store.findById(id));
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
        announce(id);
    }

    private void announce(String id) {
        if (id != null) {
            signals.changed(TOPIC, id);
        }
    }

    @Override
    public Map<String, QuietSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, QuietSession<S>> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new QuietSession<>(session, false)));
        return sessions;
    }

    /** What a node keeps of a stored session: its times and its attributes, all immutable values. */
    record Snapshot(String id, Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval,
            Map<String, Object> attributes) {

        /** A snapshot of the session, or null when one of its attributes may not be shared between requests. */
        static Snapshot of(Session session) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (String name : session.getAttributeNames()) {
                Object value = session.getAttribute(name);
                if (value != null && !SessionAttributeCodec.CachingDeserializer.shareable(value)) {
                    return null;
                }
                attributes.put(name, value);
            }
            return new Snapshot(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
                    session.getMaxInactiveInterval(), Map.copyOf(attributes));
        }

        boolean expired(Instant now) {
            return !maxInactiveInterval.isNegative() && now.minus(maxInactiveInterval).isAfter(lastAccessedTime);
        }

        /** A private session for one request, as if it had just been read from the table. */
        MapSession forOneRequest() {
            var session = new MapSession(id);
            session.setCreationTime(creationTime);
            session.setLastAccessedTime(lastAccessedTime);
            session.setMaxInactiveInterval(maxInactiveInterval);
            attributes.forEach((name, value) -> session.setAttribute(name, SessionAttributeCodec.CachingDeserializer.forThisRequest(value)));
            return session;
        }
    }

    /**
     * A session for one request: either the stored one, or a private copy of what the node knows,
     * swapped for the stored one (loaded from the table) before the request changes anything.
     */
    static final class QuietSession<S extends Session> implements Session {

        private S stored;
        private MapSession copy;
        private final Function<String, S> load;
        private boolean changed;
        /** Served from a copy, but no longer in the table (ended elsewhere): nothing is written. */
        private boolean gone;
        private Instant writtenAccess;
        /** The id this session had when the request found it, to announce once it is written under another. */
        private final String loadedId;

        QuietSession(S stored, boolean isNew) {
            this.stored = stored;
            this.load = null;
            this.changed = isNew;
            this.writtenAccess = stored.getLastAccessedTime();
            this.loadedId = isNew ? null : stored.getId();
        }

        QuietSession(Snapshot snapshot, Function<String, S> load) {
            this.copy = snapshot.forOneRequest();
            this.load = load;
            this.writtenAccess = snapshot.lastAccessedTime();
            this.loadedId = snapshot.id();
        }

        String loadedId() {
            return loadedId;
        }

        boolean gone() {
            return gone;
        }

        private Session current() {
            return stored != null ? stored : copy;
        }

        /** Before a change: the stored session takes over from the copy, keeping this request's access time. */
        private Session forChange() {
            if (stored == null && !gone) {
                S fresh = load.apply(loadedId);
                if (fresh == null) {
                    gone = true;
                } else {
                    fresh.setLastAccessedTime(copy.getLastAccessedTime());
                    stored = fresh;
                    copy = null;
                }
            }
            return current();
        }

        boolean mustWrite() {
            return !gone && (changed || Duration.between(writtenAccess, current().getLastAccessedTime()).compareTo(ACCESS_WRITE_INTERVAL) >= 0);
        }

        /** The stored session to write, loading it if the request was served from a copy; null when it is gone. */
        S storedForWrite() {
            forChange();
            return gone ? null : stored;
        }

        void written() {
            changed = false;
            writtenAccess = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return current().getId();
        }

        @Override
        public String changeSessionId() {
            Session target = forChange();
            changed = true;
            return target.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return current().getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return current().getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            Session target = forChange();
            changed = true;
            target.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            Session target = forChange();
            changed = true;
            target.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return current().getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // kept in memory for this request; written by save() once it is far enough from the stored one
            current().setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return current().getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            Session target = forChange();
            changed = true;
            target.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return current().getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return current().isExpired();
        }
    }
}
