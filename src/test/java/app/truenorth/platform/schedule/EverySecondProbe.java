package app.truenorth.platform.schedule;

import app.truenorth.platform.cluster.NodeId;
import app.truenorth.support.ServerProbe;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In a server process: a job every second that records which occurrence (slot) ran on which node,
 * for {@link ClusterSchedulerProcessesTest}.
 */
@ServerProbe
@Component
class EverySecondProbe {

    static final String JOB = "probe-every-second";

    EverySecondProbe(ClusterScheduler scheduler, JdbcClient jdbc, NodeId node) {
        jdbc.sql("create table if not exists probe_job_run (slot bigint not null, node varchar(100) not null)").update();
        scheduler.schedule(JOB, Duration.ofSeconds(1), () -> jdbc.sql("""
                insert into probe_job_run (slot, node)
                select last_slot, :node from job_lease where job_name = :job""")
                .param("node", node.value()).param("job", JOB).update());
    }
}
