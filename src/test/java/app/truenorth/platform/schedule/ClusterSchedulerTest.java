package app.truenorth.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.platform.cluster.NodeId;
import app.truenorth.support.IntegrationTest;
import app.truenorth.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two schedulers (two nodes' worth) on the suite's database, driven by hand through one clock. The
 * same rules across separate processes on PostgreSQL: {@link ClusterSchedulerProcessesTest}.
 */
@IntegrationTest
class ClusterSchedulerTest {

    @Autowired
    JdbcClient jdbc;

    final MovableClock clock = new MovableClock(Instant.parse("2031-02-03T04:05:00Z"));

    @Test
    void eachOccurrenceRunsOnOneNodeOnly() {
        var runs = new AtomicInteger();
        var names = nodes("each", Duration.ofMinutes(1), Duration.ofMinutes(1), runs::incrementAndGet);
        assertThat(names.a.runIfDue(names.a.job(names.job))).isTrue();
        assertThat(names.b.runIfDue(names.b.job(names.job))).as("the same minute on the other node").isFalse();
        assertThat(names.a.runIfDue(names.a.job(names.job))).as("the same minute again").isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(names.b.runIfDue(names.b.job(names.job))).as("the next minute, whoever comes first").isTrue();
        assertThat(names.a.runIfDue(names.a.job(names.job))).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aRunningOccurrenceKeepsOthersFromTheNextUntilItEnds() {
        String job = "lease-" + UUID.randomUUID();
        var b = new ClusterScheduler(jdbc, clock, NodeId.of("b-" + job), false);
        b.schedule(job, Duration.ofMinutes(1), Duration.ofMinutes(30), () -> { });
        var blockedDuringRun = new AtomicBoolean();
        var a = new ClusterScheduler(jdbc, clock, NodeId.of("a-" + job), false);
        a.schedule(job, Duration.ofMinutes(1), Duration.ofMinutes(30), () -> {
            // the run takes over a minute: the next occurrence is due, but this run holds the lease
            clock.advance(Duration.ofSeconds(70));
            blockedDuringRun.set(!b.runIfDue(b.job(job)));
        });
        assertThat(a.runIfDue(a.job(job))).isTrue();
        assertThat(blockedDuringRun).isTrue();
        assertThat(b.runIfDue(b.job(job))).as("the lease was given back when the run ended").isTrue();
    }

    @Test
    void aLeaseLeftByADeadNodeLapsesAfterItsTime() {
        var pair = nodes("dead", Duration.ofMinutes(1), Duration.ofMinutes(10), () -> { });
        // a node claimed this minute and died mid-run: its lease stands for its max run time
        jdbc.sql("update job_lease set holder = 'gone', lease_until = :until, last_slot = :slot where job_name = :name")
                .param("until", OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(10)), ZoneOffset.UTC))
                .param("slot", clock.millis() / 60_000).param("name", pair.job).update();
        clock.advance(Duration.ofMinutes(5));
        assertThat(pair.b.runIfDue(pair.b.job(pair.job))).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(pair.b.runIfDue(pair.b.job(pair.job))).isTrue();
    }

    @Test
    void aFailingRunIsLoggedAndTheNextOccurrenceRuns() {
        var runs = new AtomicInteger();
        var pair = nodes("failing", Duration.ofMinutes(1), Duration.ofMinutes(1), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        assertThat(pair.a.runIfDue(pair.a.job(pair.job))).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(pair.b.runIfDue(pair.b.job(pair.job))).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void nodesClaimingTheSameOccurrenceAtOnceRunItOnce() throws Exception {
        var runs = new AtomicInteger();
        var pair = nodes("race", Duration.ofMinutes(1), Duration.ofMinutes(1), runs::incrementAndGet);
        for (int round = 0; round < 3; round++) {
            var start = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(16)) {
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    ClusterScheduler node = i % 2 == 0 ? pair.a : pair.b;
                    claims.add(pool.submit(() -> {
                        start.await();
                        return node.runIfDue(node.job(pair.job));
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> c : claims) {
                    won += c.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(runs).hasValue(3);
    }

    @Test
    void refusesJobsItCannotRun() {
        var scheduler = new ClusterScheduler(jdbc, clock, NodeId.of("x"), false);
        assertThatThrownBy(() -> scheduler.schedule("fast", Duration.ofMillis(100), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.schedule("", Duration.ofMinutes(1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        String name = "twice-" + UUID.randomUUID();
        scheduler.schedule(name, Duration.ofMinutes(1), () -> { });
        assertThatThrownBy(() -> scheduler.schedule(name, Duration.ofMinutes(1), () -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    record Pair(ClusterScheduler a, ClusterScheduler b, String job) {
    }

    /** The same job on two nodes that share the database and the clock; never started, ticked by hand. */
    private Pair nodes(String name, Duration every, Duration maxRunTime, Runnable task) {
        String job = name + "-" + UUID.randomUUID();
        var a = new ClusterScheduler(jdbc, clock, NodeId.of("a-" + job), false);
        var b = new ClusterScheduler(jdbc, clock, NodeId.of("b-" + job), false);
        a.schedule(job, every, maxRunTime, task);
        b.schedule(job, every, maxRunTime, task);
        return new Pair(a, b, job);
    }
}
