package app.truenorth.platform.schedule;

import app.truenorth.platform.cluster.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs background jobs once per cluster: every node ticks every job, and an occurrence runs on the
 * one node that claims it in the database. Time is cut into slots of the job's period, aligned to the
 * epoch (every minute at :00, every hour on the hour); at each tick a node runs one atomic
 * {@code UPDATE} on the job's row in {@code job_lease} that moves {@code last_slot} to the current slot
 * and takes the lease, and only if no other node's lease is current. The node that changed the row
 * runs the job; the others do nothing until the next slot. The lease lasts {@code maxRunTime} and is
 * given back when the run ends, so a run that is slow or whose node dies keeps others from starting
 * the next occurrence only until then.
 *
 * <pre>{@code
 * scheduler.schedule("mail-outbox", Duration.ofSeconds(5), outbox::sendDue);
 * }</pre>
 *
 * <p>What that guarantees: no occurrence runs twice, and occurrences do not overlap unless a run
 * outlasts its lease. What it does not: an occurrence missed while no node was up, or while a run
 * outlasted its period, is skipped, not made up later. Work that must happen once for a business
 * reason ("remind this person about this week") claims its key with {@link Occurrences} in the
 * transaction that does it, from a job that looks for what is due. Nodes' clocks must agree to well
 * within a period (NTP). A job that throws is logged and runs again at its next slot.
 * {@code truenorth.scheduler.enabled=false} stops this node from running any job (the others still do).
 */
@Component
public class ClusterScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterScheduler.class);
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NodeId node;
    private final boolean enabled;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> ticking = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService executor;

    ClusterScheduler(JdbcClient jdbc, Clock clock, NodeId node, @Value("${truenorth.scheduler.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
        this.enabled = enabled;
    }

    /** A job: what runs, how often, and for how long at most a run keeps others from the next occurrence. */
    record Job(String name, Duration every, Duration maxRunTime, Runnable task) {
    }

    /**
     * Runs {@code task} once per {@code every} across all nodes, a run keeping the lease for at most
     * {@code every}. Jobs start ticking once the application has started.
     *
     * @param name unique across the application, at most 100 characters, e.g. {@code "mail-outbox"}
     * @param every at least one second
     */
    public void schedule(String name, Duration every, Runnable task) {
        schedule(name, every, every, task);
    }

    /**
     * Like {@link #schedule(String, Duration, Runnable)}, with a lease of {@code maxRunTime}: how long a
     * run may take before another node may start the next occurrence (set it above the longest run).
     */
    public void schedule(String name, Duration every, Duration maxRunTime, Runnable task) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A job name has 1 to 100 characters");
        }
        if (every.compareTo(Duration.ofSeconds(1)) < 0 || maxRunTime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("A job runs at most every second, with a lease of at least a second");
        }
        var job = new Job(name, every, maxRunTime, task);
        if (jobs.putIfAbsent(name, job) != null) {
            throw new IllegalStateException("A job named '" + name + "' is already scheduled");
        }
        jdbc.sql("""
                insert into job_lease (job_name, holder, lease_until, last_slot) values (:name, null, :longAgo, -1)
                on conflict do nothing""")
                .param("name", name).param("longAgo", LONG_AGO).update();
        ScheduledExecutorService running = executor;
        if (running != null) {
            startTicking(running, job);
        }
    }

    /** The job scheduled under {@code name}. */
    Job job(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("No job named '" + name + "'");
        }
        return job;
    }

    /**
     * Claims the current occurrence of {@code job} for this node and runs it; false when it was not this
     * node's to run (already run, or another node's run still holds the lease). Called at each tick.
     */
    boolean runIfDue(Job job) {
        Instant now = clock.instant();
        long slot = Math.floorDiv(now.toEpochMilli(), job.every().toMillis());
        OffsetDateTime nowTs = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int claimed = jdbc.sql("""
                update job_lease set holder = :me, lease_until = :until, last_slot = :slot, last_run_at = :now
                where job_name = :name and last_slot < :slot and (lease_until <= :now or holder = :me)""")
                .param("me", node.value())
                .param("until", OffsetDateTime.ofInstant(now.plus(job.maxRunTime()), ZoneOffset.UTC))
                .param("slot", slot)
                .param("now", nowTs)
                .param("name", job.name())
                .update();
        if (claimed == 0) {
            return false;
        }
        try {
            job.task().run();
        } catch (RuntimeException e) {
            log.warn("Job '{}' failed; it runs again at its next occurrence", job.name(), e);
        } finally {
            // give the lease back so whichever node comes first may run the next occurrence
            jdbc.sql("update job_lease set lease_until = :now where job_name = :name and holder = :me and last_slot = :slot")
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .param("name", job.name()).param("me", node.value()).param("slot", slot).update();
        }
        return true;
    }

    private void startTicking(ScheduledExecutorService on, Job job) {
        long period = job.every().toMillis();
        // first tick just after the next slot begins, so every node's ticks fall early in each slot
        long delay = period - Math.floorMod(System.currentTimeMillis(), period) + 20;
        ticking.add(on.scheduleAtFixedRate(() -> tick(job), delay, period, TimeUnit.MILLISECONDS));
    }

    private void tick(Job job) {
        try {
            runIfDue(job);
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: try again at the next tick
            log.warn("Could not claim job '{}': {}", job.name(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        var started = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("truenorth-job-", 1).factory());
        executor = started;
        jobs.values().forEach(job -> startTicking(started, job));
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            ticking.forEach(f -> f.cancel(false));
            ticking.clear();
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Started last and stopped first, so jobs never run against a half-started application. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
