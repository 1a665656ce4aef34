package app.truenorth.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The database session store, minus the write on every request. Spring Session marks a session
 * changed whenever a request touches it (the last-access time moves), so every signed-in page view
 * cost a transaction with an UPDATE of the session row: the largest single cost of a page in the
 * throughput benchmark (docs/benchmarks.md). Here a session is written only when something in it
 * changed (an attribute, its id, its timeout) or when its stored last-access time is more than
 * {@link #ACCESS_WRITE_INTERVAL} old. With a 14-day timeout that moves expiry by at most that
 * interval; everything else still lives in the shared table, so several nodes see the same sessions,
 * and sign-out, id changes and attribute changes are written at once as before.
 *
 * <p>Relies on Spring Session's default save mode (attributes are saved when set, not when read), so
 * {@link SessionStoreConfig} only installs it when that mode is in force.
 */
final class QuietSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession<S>> {

    static final Duration ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<S> store;

    QuietSessionRepository(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    @Override
    public QuietSession<S> createSession() {
        return new QuietSession<>(store.createSession(), true);
    }

    @Override
    public void save(QuietSession<S> session) {
        if (session.mustWrite()) {
            store.save(session.stored);
            session.written();
        }
    }

    @Override
    public QuietSession<S> findById(String id) {
        // one select: no transaction of its own needed (see SessionTransactions)
        S found = SessionTransactions.read(() -> store.findById(id));
        return found == null ? null : new QuietSession<>(found, false);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, QuietSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, QuietSession<S>> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new QuietSession<>(session, false)));
        return sessions;
    }

    /** A stored session that remembers whether anything worth writing happened to it. */
    static final class QuietSession<S extends Session> implements Session {

        private final S stored;
        private boolean changed;
        private Instant writtenAccess;

        QuietSession(S stored, boolean isNew) {
            this.stored = stored;
            this.changed = isNew;
            this.writtenAccess = stored.getLastAccessedTime();
        }

        boolean mustWrite() {
            return changed || Duration.between(writtenAccess, stored.getLastAccessedTime()).compareTo(ACCESS_WRITE_INTERVAL) >= 0;
        }

        void written() {
            changed = false;
            writtenAccess = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // kept in memory for this request; written by save() once it is far enough from the stored one
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
