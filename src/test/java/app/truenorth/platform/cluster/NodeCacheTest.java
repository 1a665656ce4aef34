package app.truenorth.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class NodeCacheTest {

    private final ChangeSignals signals = ChangeSignals.forOneProcess();
    private final NodeCache<String> cache = signals.cache("things", 100, Duration.ofMinutes(1));
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void leave() {
        signals.destroy();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private String read(String value) {
        reads.incrementAndGet();
        return value;
    }

    @Test
    void aValueIsReadOnceUntilAChangeIsAnnounced() {
        assertThat(cache.get("a", () -> read("one"))).isEqualTo("one");
        assertThat(cache.get("a", () -> read("two"))).isEqualTo("one");
        assertThat(reads).hasValue(1);

        signals.changed("things", "a");
        assertThat(cache.get("a", () -> read("two"))).isEqualTo("two");
        signals.changed("things", null);
        assertThat(cache.get("a", () -> read("three"))).isEqualTo("three");
        signals.changed("other", null);
        assertThat(cache.get("a", () -> read("four"))).as("another topic's change leaves it").isEqualTo("three");
    }

    @Test
    void aValueReadWhileAChangeWasAnnouncedIsNotKept() {
        // the read began before the writer's commit and returns the old rows after it was announced
        assertThat(cache.get("a", () -> {
            signals.changed("things", "a");
            return read("old");
        })).isEqualTo("old");
        assertThat(cache.get("a", () -> read("new"))).isEqualTo("new");
        assertThat(reads).hasValue(2);
    }

    @Test
    void otherNodesInTheProcessHearTheChange() {
        var other = ChangeSignals.forOneProcess();
        try {
            cache.get("a", () -> read("one"));
            other.changed("things", "a");
            assertThat(cache.get("a", () -> read("two"))).isEqualTo("two");
        } finally {
            other.destroy();
        }
    }

    @Test
    void aTransactionThatAnnouncedAChangeReadsItsOwnWritesAndTheCacheForgetsAgainAtItsEnd() {
        cache.get("a", () -> read("committed"));
        TransactionSynchronizationManager.initSynchronization();
        signals.changed("things", "a");
        assertThat(cache.get("a", () -> read("uncommitted"))).isEqualTo("uncommitted");
        assertThat(cache.get("a", () -> read("uncommitted again"))).as("not kept inside the transaction").isEqualTo("uncommitted again");
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        }
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(cache.get("a", () -> read("after"))).isEqualTo("after");
        assertThat(cache.get("a", () -> read("later"))).as("kept again after the transaction").isEqualTo("after");
    }

    @Test
    void entriesExpireAndTheSizeIsBounded() throws InterruptedException {
        NodeCache<String> brief = signals.cache("brief", 3, Duration.ofMillis(30));
        brief.get("a", () -> read("one"));
        Thread.sleep(60);
        assertThat(brief.get("a", () -> read("two"))).isEqualTo("two");
        for (int i = 0; i < 10; i++) {
            String key = "k" + i;
            brief.get(key, () -> key);
        }
        assertThat(brief.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void onlyDatabasesWhoseNodesCanHearEachOtherAreCached() {
        assertThat(ChangeSignals.modeFor("jdbc:h2:file:./data/truenorth;MODE=PostgreSQL")).isEqualTo(ChangeSignals.Mode.LOCAL);
        assertThat(ChangeSignals.modeFor("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo(ChangeSignals.Mode.LOCAL);
        assertThat(ChangeSignals.modeFor("jdbc:postgresql://db:5432/truenorth")).isEqualTo(ChangeSignals.Mode.POSTGRES);
        assertThat(ChangeSignals.modeFor("jdbc:h2:tcp://db/truenorth")).isEqualTo(ChangeSignals.Mode.OFF);
        assertThat(ChangeSignals.modeFor("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE")).isEqualTo(ChangeSignals.Mode.OFF);
        assertThat(ChangeSignals.modeFor("jdbc:mysql://db/truenorth")).isEqualTo(ChangeSignals.Mode.OFF);
    }
}
