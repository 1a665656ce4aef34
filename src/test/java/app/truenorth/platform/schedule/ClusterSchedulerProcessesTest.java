package app.truenorth.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.ServerProcesses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two application processes on one PostgreSQL database, both ticking a job every second. */
class ClusterSchedulerProcessesTest {

    static ServerProcesses cluster;

    @BeforeAll
    static void startTwoNodes() {
        ServerProcesses.assumePostgres();
        cluster = ServerProcesses.start(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    record Run(long slot, String node) {
    }

    @Test
    void aJobEverySecondOnBothNodesRunsEachOccurrenceOnceAndGoesOnWhenANodeDies() throws Exception {
        long bothUpFrom = System.currentTimeMillis() / 1000 + 1;
        Thread.sleep(6_000);
        long killedAt = System.currentTimeMillis() / 1000;
        cluster.node("A").kill();
        Thread.sleep(5_000);

        List<Run> runs = cluster.jdbc().sql("select slot, node from probe_job_run order by slot")
                .query((rs, i) -> new Run(rs.getLong(1), rs.getString(2))).list();
        Map<Long, Long> perSlot = runs.stream().collect(java.util.stream.Collectors.groupingBy(Run::slot,
                java.util.stream.Collectors.counting()));
        assertThat(perSlot.values()).as("occurrences run more than once: %s", runs).allMatch(n -> n == 1);
        // while both nodes were up, the occurrences still ran (each on one of them)
        long bothUp = runs.stream().filter(r -> r.slot() >= bothUpFrom && r.slot() < killedAt).count();
        assertThat(bothUp).isGreaterThanOrEqualTo(4);
        // after A died, B ran the occurrences on its own
        List<Run> after = runs.stream().filter(r -> r.slot() > killedAt + 1).toList();
        assertThat(after).hasSizeGreaterThanOrEqualTo(2).allMatch(r -> r.node().equals("B"));
    }
}
