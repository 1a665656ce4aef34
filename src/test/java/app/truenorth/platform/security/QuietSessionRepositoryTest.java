package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import app.truenorth.platform.cluster.ChangeSignals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import java.util.List;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

class QuietSessionRepositoryTest {

    /** An in-memory store that counts writes, standing in for the session table. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> rows = new HashMap<>();
        int writes;
        int reads;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            writes++;
            rows.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            MapSession row = rows.get(id);
            return row == null ? null : new MapSession(row);
        }

        @Override
        public void deleteById(String id) {
            rows.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    private final CountingStore store = new CountingStore();
    private final ChangeSignals signals = ChangeSignals.forOneProcess();
    private final QuietSessionRepository<MapSession> sessions = new QuietSessionRepository<>(store, signals);

    @AfterEach
    void leave() {
        signals.destroy();
    }

    private String stored() {
        var session = sessions.createSession();
        session.setAttribute("who", "ada");
        sessions.save(session);
        return session.getId();
    }

    @Test
    void aNewSessionIsWritten() {
        stored();
        assertThat(store.writes).isEqualTo(1);
    }

    @Test
    void aRequestThatOnlyReadsWritesNothingUntilTheAccessTimeIsAMinuteOld() {
        String id = stored();
        Instant written = store.rows.get(id).getLastAccessedTime();

        var session = sessions.findById(id);
        session.setLastAccessedTime(written.plusSeconds(59));
        assertThat((String) session.getAttribute("who")).isEqualTo("ada");
        sessions.save(session);
        assertThat(store.writes).isEqualTo(1);

        var later = sessions.findById(id);
        later.setLastAccessedTime(written.plus(QuietSessionRepository.ACCESS_WRITE_INTERVAL));
        sessions.save(later);
        assertThat(store.writes).isEqualTo(2);
        assertThat(store.rows.get(id).getLastAccessedTime()).isEqualTo(written.plus(QuietSessionRepository.ACCESS_WRITE_INTERVAL));
    }

    @Test
    void everyChangeIsWrittenAtOnce() {
        String id = stored();
        var session = sessions.findById(id);
        session.setAttribute("who", "bob");
        sessions.save(session);
        assertThat(store.rows.get(id).<String>getAttribute("who")).isEqualTo("bob");

        session = sessions.findById(id);
        session.removeAttribute("who");
        sessions.save(session);
        assertThat(store.rows.get(id).<String>getAttribute("who")).isNull();

        session = sessions.findById(id);
        session.setMaxInactiveInterval(Duration.ofHours(1));
        sessions.save(session);
        assertThat(store.rows.get(id).getMaxInactiveInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(store.writes).isEqualTo(4);
    }

    @Test
    void aChangedIdIsWritten() {
        String id = stored();
        var session = sessions.findById(id);
        String newId = session.changeSessionId();
        sessions.save(session);
        assertThat(store.writes).isEqualTo(2);
        assertThat(newId).isNotEqualTo(id);
    }

    @Test
    void aSessionReadOnceIsServedFromTheNodeUntilItChanges() {
        String id = stored();
        sessions.findById(id);
        int reads = store.reads;
        for (int i = 0; i < 5; i++) {
            assertThat((String) sessions.findById(id).getAttribute("who")).isEqualTo("ada");
        }
        assertThat(store.reads).as("answered from the node").isEqualTo(reads);

        var session = sessions.findById(id);
        session.setAttribute("who", "bob");
        sessions.save(session);
        assertThat(store.rows.get(id).<String>getAttribute("who")).isEqualTo("bob");
        assertThat((String) sessions.findById(id).getAttribute("who")).as("the change is seen at once").isEqualTo("bob");
    }

    @Test
    void aChangeToACopyStartsFromTheStoredSessionAndKeepsTheRequestsAccessTime() {
        String id = stored();
        sessions.findById(id);
        // another writer changes the row behind this node's back (as a save on another node would)
        MapSession row = store.rows.get(id);
        row.setAttribute("theme", "dark");
        var copy = sessions.findById(id);
        assertThat((String) copy.getAttribute("theme")).as("the copy is what the node read").isNull();
        Instant now = row.getLastAccessedTime().plusSeconds(5);
        copy.setLastAccessedTime(now);
        copy.setAttribute("who", "bob");
        sessions.save(copy);
        assertThat(store.rows.get(id).<String>getAttribute("theme")).as("the stored row's other change survives").isEqualTo("dark");
        assertThat(store.rows.get(id).<String>getAttribute("who")).isEqualTo("bob");
        assertThat(store.rows.get(id).getLastAccessedTime()).isEqualTo(now);
    }

    @Test
    void aSessionEndedOnAnotherNodeIsNotServedFromHere() {
        String id = stored();
        sessions.findById(id);
        var otherSignals = ChangeSignals.forOneProcess();
        try {
            var otherNode = new QuietSessionRepository<>(store, otherSignals);
            otherNode.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
        } finally {
            otherSignals.destroy();
        }
    }

    @Test
    void aCopyOfASessionEndedMeanwhileWritesNothing() {
        String id = stored();
        sessions.findById(id);
        var copy = sessions.findById(id);
        store.rows.remove(id); // ended by hand, unannounced
        copy.setAttribute("who", "bob");
        sessions.save(copy);
        assertThat(store.rows).doesNotContainKey(id);
        assertThat(sessions.findById(id)).as("the failed write dropped the copy").isNull();
    }

    @Test
    void aSignInIsSharedButEachRequestGetsItsOwnSecurityContext() {
        var session = sessions.createSession();
        var user = new AuthenticatedUser(1, "ada@example.com", "Ada", null, null);
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(token));
        sessions.save(session);
        String id = session.getId();
        sessions.findById(id);

        SecurityContextImpl first = sessions.findById(id).getAttribute("SPRING_SECURITY_CONTEXT");
        SecurityContextImpl second = sessions.findById(id).getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(first).isNotSameAs(second);
        assertThat(first.getAuthentication()).isSameAs(second.getAuthentication());
        first.setAuthentication(null); // a sign-out clears its own context only
        assertThat(second.getAuthentication()).isSameAs(token);
    }

    @Test
    void sessionsHoldingMutableValuesAreReadEveryTime() {
        var session = sessions.createSession();
        session.setAttribute("saved", new java.util.ArrayList<>(List.of("a")));
        sessions.save(session);
        sessions.findById(session.getId());
        int reads = store.reads;
        sessions.findById(session.getId());
        assertThat(store.reads).isEqualTo(reads + 1);
    }

    @Test
    void anExpiredCopyIsNotServed() {
        String id = stored();
        MapSession row = store.rows.get(id);
        row.setMaxInactiveInterval(Duration.ofSeconds(1));
        row.setLastAccessedTime(Instant.now().minusSeconds(10));
        sessions.findById(id); // the store itself (Spring Session) drops expired rows; this one does not
        int reads = store.reads;
        sessions.findById(id);
        assertThat(store.reads).as("an expired copy sends the request to the store").isEqualTo(reads + 1);
    }
}
