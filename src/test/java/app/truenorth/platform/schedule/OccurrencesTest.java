package app.truenorth.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class OccurrencesTest {

    @Autowired
    Occurrences occurrences;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aKeyIsClaimedOnceEver() {
        String key = "12:2031-W07:" + UUID.randomUUID();
        var sent = new AtomicInteger();
        assertThat(occurrences.runOnce("check-in-reminder", key, sent::incrementAndGet)).isTrue();
        assertThat(occurrences.runOnce("check-in-reminder", key, sent::incrementAndGet)).isFalse();
        assertThat(occurrences.runOnce("another-job", key, sent::incrementAndGet)).as("keys are per job").isTrue();
        assertThat(sent).hasValue(2);
        assertThat(occurrences.claimed("check-in-reminder", key)).isTrue();
    }

    @Test
    void workThatFailsGivesTheClaimBack() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> occurrences.runOnce("digest", key, () -> {
            throw new IllegalStateException("SMTP down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(occurrences.claimed("digest", key)).isFalse();
        var ran = new AtomicInteger();
        assertThat(occurrences.runOnce("digest", key, ran::incrementAndGet)).isTrue();
        assertThat(ran).hasValue(1);
    }

    @Test
    void aClaimInTheCallersTransactionRollsBackWithIt() {
        String key = UUID.randomUUID().toString();
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            assertThat(occurrences.claim("weekly", key)).isTrue();
            status.setRollbackOnly();
        });
        assertThat(occurrences.claimed("weekly", key)).isFalse();
    }

    @Test
    void simultaneousClaimsOfOneKeyLetOneThrough() throws Exception {
        for (int round = 0; round < 3; round++) {
            String key = UUID.randomUUID().toString();
            var ran = new AtomicInteger();
            var start = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(12)) {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return occurrences.runOnce("race", key, ran::incrementAndGet);
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> r : results) {
                    won += r.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
                assertThat(ran).hasValue(1);
            }
        }
    }

    @Test
    void oldClaimsCanBeForgotten() {
        String job = "forget-" + UUID.randomUUID();
        occurrences.runOnce(job, "a", () -> { });
        assertThat(occurrences.forget(job, Instant.now().minusSeconds(3600))).isZero();
        assertThat(occurrences.forget(job, Instant.now().plusSeconds(3600))).isEqualTo(1);
        assertThat(occurrences.claimed(job, "a")).isFalse();
    }

    @Test
    void refusesKeysThatDoNotFit() {
        assertThatThrownBy(() -> occurrences.claim("job", "k".repeat(301))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> occurrences.claim("", "k")).isInstanceOf(IllegalArgumentException.class);
    }
}
