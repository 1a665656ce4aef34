package app.truenorth.platform.schedule;

import app.truenorth.platform.cluster.NodeId;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes something happen once ever, across nodes and restarts: "send the check-in reminder for
 * person 12, week 2031-W07" claims the key {@code "12:2031-W07"} of job {@code "check-in-reminder"}.
 * The claim is a row with that key, inserted in the transaction that does the work: if the work fails
 * and rolls back, so does the claim, and the next attempt may try again; if two nodes try at once, the
 * database lets one insert through and the other waits for it and then finds it taken.
 *
 * <pre>{@code
 * occurrences.runOnce("check-in-reminder", personId + ":" + week, () -> mailer.send(...));
 * }</pre>
 *
 * Claims are kept until {@link #forget} drops them (a job that claims by date can drop old ones).
 */
@Component
public class Occurrences {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NodeId node;
    private final TransactionTemplate transaction;

    Occurrences(JdbcClient jdbc, Clock clock, NodeId node, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Claims {@code key} of {@code job}: true the first time, anywhere, ever; false after that. Call it
     * inside the transaction that does the work, so that the work and the claim commit or roll back
     * together (outside a transaction the claim commits at once and the work happens at most once).
     *
     * @param job at most 100 characters
     * @param key at most 300 characters
     */
    public boolean claim(String job, String key) {
        if (job == null || job.isBlank() || job.length() > 100 || key == null || key.isEmpty() || key.length() > 300) {
            throw new IllegalArgumentException("A job has 1 to 100 characters, a key 1 to 300");
        }
        return jdbc.sql("""
                insert into job_occurrence (job_name, occurrence_key, node, claimed_at) values (:job, :key, :node, :now)
                on conflict do nothing""")
                .param("job", job).param("key", key).param("node", node.value())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update() == 1;
    }

    /** Runs {@code work} in a transaction together with the claim, if the claim is new; says whether it ran. */
    public boolean runOnce(String job, String key, Runnable work) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!claim(job, key)) {
                return false;
            }
            work.run();
            return true;
        }));
    }

    /** Whether {@code key} of {@code job} was claimed (and committed). */
    public boolean claimed(String job, String key) {
        return jdbc.sql("select count(*) from job_occurrence where job_name = :job and occurrence_key = :key")
                .param("job", job).param("key", key).query(Long.class).single() > 0;
    }

    /** Drops the claims of {@code job} made before {@code before}; returns how many. */
    public int forget(String job, Instant before) {
        return jdbc.sql("delete from job_occurrence where job_name = :job and claimed_at < :before")
                .param("job", job).param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).update();
    }
}
