package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

class QuietSessionRepositoryTest {

    /** An in-memory store that counts writes, standing in for the session table. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> rows = new HashMap<>();
        int writes;

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
    private final QuietSessionRepository<MapSession> sessions = new QuietSessionRepository<>(store);

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
}
