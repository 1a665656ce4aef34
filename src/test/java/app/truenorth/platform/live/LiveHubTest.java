package app.truenorth.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub on the suite's database, in one process (on H2 the commit is heard in this JVM, on
 * PostgreSQL through NOTIFY). Across two processes: {@link LiveHubProcessesTest}.
 */
@IntegrationTest
class LiveHubTest {

    @Autowired
    LiveHub hub;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventIsDeliveredWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
        String topic = topic();
        var browser = new Recorder();
        hub.subscribe(topic, null, browser);
        var tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            hub.publish(topic, "check-in", "rolled back");
            status.setRollbackOnly();
        });
        var committing = new CountDownLatch(1);
        var done = Executors.newSingleThreadExecutor().submit(() -> tx.executeWithoutResult(status -> {
            hub.publish(topic, "check-in", "<li>Team Atlas checked in</li>\nsecond line");
            try {
                committing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.sleep(300);
        assertThat(browser.events()).as("nothing before the commit").isEmpty();
        committing.countDown();
        done.get();

        var events = browser.await(e -> !e.isEmpty(), 2_000);
        assertThat(events).containsExactly(new Recorder.Received("1", "check-in", "<li>Team Atlas checked in</li>\nsecond line"));
        Thread.sleep(200);
        assertThat(browser.events()).hasSize(1);
        assertThat(browser.raw()).startsWith(":connected\n");
        assertThat(jdbc.sql("select count(*) from live_event where topic = :t").param("t", topic).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aReconnectingClientGetsExactlyWhatItMissed() throws Exception {
        String topic = topic();
        for (int i = 1; i <= 5; i++) {
            hub.publish(topic, "update", "event " + i);
        }
        var fresh = new Recorder();
        hub.subscribe(topic, null, fresh);
        var back = new Recorder();
        hub.subscribe(topic, "2", back);
        var events = back.await(e -> e.size() >= 3, 2_000);
        assertThat(events).extracting(Recorder.Received::data).containsExactly("event 3", "event 4", "event 5");
        assertThat(events).extracting(Recorder.Received::id).containsExactly("3", "4", "5");

        hub.publish(topic, "update", "event 6");
        assertThat(back.await(e -> e.size() >= 4, 2_000)).extracting(Recorder.Received::data).endsWith("event 6");
        assertThat(fresh.await(e -> !e.isEmpty(), 2_000)).as("a first connection starts with the next event")
                .extracting(Recorder.Received::data).containsExactly("event 6");
    }

    @Test
    void aClientAwayLongerThanEventsAreKeptIsToldToReload() throws Exception {
        String topic = topic();
        hub.publish(topic, "update", "old");
        hub.publish(topic, "update", "older than the retention");
        jdbc.sql("update live_event set created_at = created_at - interval '2' hour where topic = :t").param("t", topic).update();
        hub.publish(topic, "update", "recent");
        hub.purge();

        var away = new Recorder();
        hub.subscribe(topic, "0", away);
        // it reloads what it shows (which includes "recent"), then carries on from there
        assertThat(away.await(e -> !e.isEmpty(), 2_000)).containsExactly(new Recorder.Received("3", LiveHub.RESET_EVENT, ""));
        hub.publish(topic, "update", "newer");
        assertThat(away.await(e -> e.size() >= 2, 2_000)).extracting(Recorder.Received::data).containsExactly("", "newer");

        var strange = new Recorder();
        hub.subscribe(topic, "not-a-number", strange);
        assertThat(strange.await(e -> !e.isEmpty(), 2_000)).extracting(Recorder.Received::name).containsExactly(LiveHub.RESET_EVENT);
        var ahead = new Recorder();
        hub.subscribe(topic, "999", ahead);
        assertThat(ahead.await(e -> !e.isEmpty(), 2_000)).extracting(Recorder.Received::name).containsExactly(LiveHub.RESET_EVENT);
    }

    @Test
    void simultaneousPublishersAreNumberedInCommitOrderWithoutGaps() throws Exception {
        String topic = topic();
        var browser = new Recorder();
        hub.subscribe(topic, null, browser);
        var start = new CountDownLatch(1);
        var tx = new TransactionTemplate(transactions);
        try (var pool = Executors.newFixedThreadPool(10)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 5; i++) {
                        int n = i;
                        tx.executeWithoutResult(status -> {
                            hub.publish(topic, "update", writer + ":" + n);
                            hub.publish(topic, "update", writer + ":" + n + "b");
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get();
            }
        }
        var events = browser.await(e -> e.size() >= 100, 5_000);
        assertThat(events).extracting(e -> Long.parseLong(e.id())).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        // the two events of one transaction are numbered next to each other
        for (int i = 0; i < 100; i += 2) {
            assertThat(events.get(i + 1).data()).isEqualTo(events.get(i).data() + "b");
        }
    }

    @Test
    void topicsAreSeparateAndAGoneClientIsDropped() throws Exception {
        String topic = topic();
        String other = topic();
        var browser = new Recorder();
        var elsewhere = new Recorder();
        hub.subscribe(topic, null, browser);
        hub.subscribe(other, null, elsewhere);
        assertThat(hub.subscribers(topic)).isEqualTo(1);
        hub.publish(topic, "update", "for the first topic");
        browser.await(e -> !e.isEmpty(), 2_000);
        Thread.sleep(200);
        assertThat(elsewhere.events()).isEmpty();

        browser.gone = true;
        hub.publish(topic, "update", "to nobody");
        long deadline = System.currentTimeMillis() + 2_000;
        while (hub.subscribers(topic) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(hub.subscribers(topic)).isZero();
    }

    @Test
    void refusesTopicsAndNamesThatAreNotOneLine() {
        assertThatThrownBy(() -> hub.publish("a\nb", "x", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hub.publish("t", "x\ny", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hub.publish("t".repeat(201), "x", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hub.publish("t", "x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hub.subscribe(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String topic() {
        return "test:" + UUID.randomUUID() + ":live";
    }
}
