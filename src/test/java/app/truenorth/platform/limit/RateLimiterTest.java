package app.truenorth.platform.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.support.IntegrationTest;
import app.truenorth.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** On the suite's database: H2, or PostgreSQL when TRUENORTH_DB_URL points there. */
@IntegrationTest
class RateLimiterTest {

    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fiftySimultaneousAttemptsLetExactlyTheLimitThrough() throws Exception {
        String key = "share-comment:" + UUID.randomUUID() + ":203.0.113.7";
        int allowed = attemptAtOnce(50, () -> limiter.tryAcquire(key, 7, Duration.ofHours(1)));
        assertThat(allowed).isEqualTo(7);
        assertThat(limiter.tryAcquire(key, 7, Duration.ofHours(1))).isFalse();
        // the counter stops at the limit: refused attempts are not counted
        assertThat(jdbc.sql("select hits from rate_limit where limit_key = :k").param("k", key).query(Integer.class).single())
                .isEqualTo(7);
    }

    @Test
    void simultaneousFirstAttemptsOnAFreshKeyCountOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "fresh:" + UUID.randomUUID();
            assertThat(attemptAtOnce(20, () -> limiter.tryAcquire(key, 1, Duration.ofHours(1)))).isEqualTo(1);
        }
    }

    @Test
    void aNewWindowStartsAfreshAndKeysAreCountedApart() {
        var clock = new MovableClock(Instant.parse("2031-05-05T10:00:00Z"));
        var limited = new RateLimiter(jdbc, clock, transactions);
        String key = "invite:" + UUID.randomUUID();
        String other = "invite:" + UUID.randomUUID();
        Duration tenMinutes = Duration.ofMinutes(10);
        assertThat(limited.tryAcquire(key, 2, tenMinutes)).isTrue();
        clock.advance(Duration.ofMinutes(9));
        assertThat(limited.tryAcquire(key, 2, tenMinutes)).isTrue();
        assertThat(limited.tryAcquire(key, 2, tenMinutes)).isFalse();
        assertThat(limited.tryAcquire(other, 2, tenMinutes)).as("another key").isTrue();
        assertThat(limited.retryAfter(tenMinutes)).isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(limited.tryAcquire(key, 2, tenMinutes)).as("the next window").isTrue();
        assertThat(limited.tryAcquire(key, 2, tenMinutes)).isTrue();
        assertThat(limited.tryAcquire(key, 2, tenMinutes)).isFalse();

        clock.advance(Duration.ofHours(1));
        limited.purge();
        assertThat(jdbc.sql("select count(*) from rate_limit where limit_key in (:k, :o)").param("k", key).param("o", other)
                .query(Long.class).single()).as("finished windows are deleted").isZero();
    }

    @Test
    void aKeyLongerThanTheColumnIsLimitedByItsDigest() {
        String key = "x".repeat(1000) + UUID.randomUUID();
        assertThat(limiter.tryAcquire(key, 1, Duration.ofHours(1))).isTrue();
        assertThat(limiter.tryAcquire(key, 1, Duration.ofHours(1))).isFalse();
        assertThat(limiter.tryAcquire(key + "y", 1, Duration.ofHours(1))).isTrue();
    }

    @Test
    void refusesMeaninglessLimits() {
        assertThatThrownBy(() -> limiter.tryAcquire("k", 0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire("k", 1, Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire("", 1, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static int attemptAtOnce(int attempts, Callable<Boolean> attempt) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(attempts)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> r : results) {
                if (r.get()) {
                    allowed++;
                }
            }
            return allowed;
        }
    }
}
