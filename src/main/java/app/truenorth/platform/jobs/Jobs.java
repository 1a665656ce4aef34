package app.truenorth.platform.jobs;

import app.truenorth.platform.cluster.NodeId;
import app.truenorth.platform.security.Callers;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Long work that runs in the background on one node and that any node can follow: imports, exports and
 * whatever else takes longer than a request should. One class on purpose: the claim, the heartbeat, the
 * silence sweep and the final commit all guard the same row with the same node and state conditions, and
 * split apart they could no longer be read together to see that a late node can never commit. Everything about a job is a row in the database
 * (state, percent, step, the running node's heartbeat, its input and its result file), so a progress poll
 * or a download may land on any node.
 *
 * <p>The rules every job gets for free:
 * <ul>
 *   <li><b>Owner only.</b> A job belongs to the member who started it and to one kind and scope (e.g. a
 *       product); {@link #find} and {@link #result} answer nothing to anyone else. The calling module
 *       still checks the caller's access to the scope itself, as for any request.</li>
 *   <li><b>Progress</b> reported through {@link Running#progress} is written at most once per
 *       {@code truenorth.jobs.flush-interval} (1 s) and never staler than that, together with the node's
 *       heartbeat.</li>
 *   <li><b>All or nothing.</b> The work runs inside one transaction that also marks the job done, so its
 *       data changes are committed only at the very end, together with the result. A job that fails, or
 *       whose node dies, leaves nothing half-applied.</li>
 *   <li><b>A silent node fails its jobs.</b> A job whose node has not sent a heartbeat for
 *       {@code truenorth.jobs.silence} (30 s) is marked failed by whichever node looks first (a periodic
 *       sweep, or a poll). Should the node come back, its commit is refused, because completion requires
 *       the job to be still running on that node.</li>
 *   <li><b>Results expire.</b> A finished job is kept for the {@link Spec#keep} its module chose, then deleted.</li>
 * </ul>
 * Times are the database's clock, so nodes whose own clocks disagree still judge silence alike.
 */
@Service
public class Jobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Failed jobs stay visible at least this long, so the owner learns what happened. */
    private static final Duration FAILED_KEPT = Duration.ofHours(1);
    static final String SILENT = "The server running this stopped before it finished; nothing of it was kept. Try again.";
    static final String STOPPED = "The server was stopped before this finished; nothing of it was kept. Try again.";
    static final String BROKEN = "This failed and nothing of it was kept. Try again.";

    /** Where a job is in its life. */
    public enum State {
        /** Created, waiting for its confirmation or for a worker. */
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * A job as its owner may see it.
     *
     * @param started    whether a node has taken it on (it may still wait for a free worker)
     * @param detail     what the owning module keeps about the job; the registry never reads it
     * @param resultName the result file's name, once there is one
     */
    public record Job(String id, String kind, long scopeId, State state, boolean started, int percent, String step, String detail,
            String error, String resultName, String resultType, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }
    }

    /**
     * A new job.
     *
     * @param kind    the module's name for this kind of work, e.g. {@code "roadmap-import"}
     * @param scopeId what the job is about within the workspace (a product id), checked on every read
     * @param input   what the work will read (an uploaded file), or null; dropped once the job finishes
     * @param keep    how long the job and its result are kept: after it is created while it waits, after it
     *                finishes once it has run
     */
    public record Spec(String kind, long workspaceId, long scopeId, int percent, String step, String detail, byte[] input, Duration keep) {
    }

    /** A result file. */
    public record Result(byte[] bytes, String fileName, String contentType) {
    }

    /**
     * What finished work leaves: the last step shown, optionally a new {@code detail} for the module and a file.
     */
    public record Outcome(String step, String detail, Result file) {

        public static Outcome of(String step) {
            return new Outcome(step, null, null);
        }

        public static Outcome file(String step, Result file) {
            return new Outcome(step, null, file);
        }
    }

    /** The running job as the work sees it. */
    public interface Running {

        String id();

        /** The job's input, as given when it was created. */
        byte[] input();

        /**
         * Reports progress; cheap to call often (the registry writes it on its own schedule).
         *
         * @throws Failure when the job was given up meanwhile (its node was judged silent): stop, and
         *                 let the exception end the work so its transaction rolls back
         */
        void progress(int percent, String step);
    }

    /** The work itself; it runs in one transaction that commits only if it returns. */
    @FunctionalInterface
    public interface Work {
        Outcome run(Running job) throws Exception;
    }

    /** Ends a job as failed with a message meant for its owner; nothing the work wrote is kept. */
    public static class Failure extends RuntimeException {

        public Failure(String message) {
            super(message);
        }

        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A job this node has taken on: what the work reported, waiting to be written by the next tick. */
    private static final class Local implements Running {
        final String id;
        final Duration keep;
        private final JdbcClient jdbc;
        volatile Integer percent;
        volatile String step;
        volatile boolean finishing;
        volatile boolean abandoned;

        Local(String id, Duration keep, JdbcClient jdbc) {
            this.id = id;
            this.keep = keep;
            this.jdbc = jdbc;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public byte[] input() {
            return jdbc.sql("select input from background_job where id = :id").param("id", id).query((rs, i) -> rs.getBytes(1))
                    .optional().orElse(null);
        }

        @Override
        public void progress(int percent, String step) {
            if (abandoned) {
                throw new Failure(SILENT);
            }
            this.percent = Math.clamp(percent, 0, 100);
            this.step = step;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String node;
    private final Duration silence;
    private final Duration flushInterval;
    private final Duration sweepInterval;
    private final int workerCount;
    private volatile ExecutorService workers;
    private final Map<String, Local> local = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService ticker;
    /** The database's clock minus this node's, measured now and then: silence is judged by one clock. */
    private volatile Duration dbOffset = Duration.ZERO;

    Jobs(JdbcClient jdbc, PlatformTransactionManager transactionManager, NodeId node,
            @Value("${truenorth.jobs.silence:30s}") Duration silence,
            @Value("${truenorth.jobs.flush-interval:1s}") Duration flushInterval,
            @Value("${truenorth.jobs.sweep-interval:10s}") Duration sweepInterval,
            @Value("${truenorth.jobs.workers:2}") int workerCount) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.node = node.value();
        this.silence = silence;
        this.flushInterval = flushInterval;
        this.sweepInterval = sweepInterval;
        this.workerCount = Math.max(1, workerCount);
        this.workers = newWorkers();
    }

    /** This node's name in {@code background_job.node_id}. */
    public String node() {
        return node;
    }

    /** Creates a job owned by the caller that waits ({@link State#QUEUED}) until {@link #start} runs it. */
    public Job create(Spec spec) {
        String id = HexFormat.of().formatHex(randomBytes());
        OffsetDateTime now = dbNow();
        jdbc.sql("""
                insert into background_job (id, kind, owner_id, workspace_id, scope_id, state, percent, step, detail, input,
                                            keep_seconds, created_at, expires_at)
                values (:id, :kind, :owner, :ws, :scope, 'QUEUED', :percent, :step, :detail, :input, :keep, :now, :expires)""")
                .param("id", id).param("kind", spec.kind()).param("owner", Callers.current().id()).param("ws", spec.workspaceId())
                .param("scope", spec.scopeId()).param("percent", Math.clamp(spec.percent(), 0, 100)).param("step", clip(spec.step(), 500))
                .param("detail", spec.detail()).param("input", spec.input()).param("keep", (int) spec.keep().toSeconds())
                .param("now", now).param("expires", now.plus(spec.keep()))
                .update();
        return new Job(id, spec.kind(), spec.scopeId(), State.QUEUED, false, spec.percent(), spec.step(), spec.detail(), null, null, null,
                now, null);
    }

    /** Creates a job owned by the caller and starts it on this node at once. */
    public Job submit(Spec spec, Work work) {
        Job job = create(spec);
        start(spec.kind(), spec.scopeId(), job.id(), work);
        return new Job(job.id(), job.kind(), job.scopeId(), job.state(), true, job.percent(), job.step(), job.detail(), null, null, null,
                job.createdAt(), null);
    }

    /**
     * Takes a waiting job of the caller on and runs {@code work} for it in the background, as the caller.
     * Only one start wins, on whichever node: a second one changes nothing.
     *
     * @return whether this call started it (false: already started, finished, expired, or not the caller's)
     */
    public boolean start(String kind, long scopeId, String id, Work work) {
        OffsetDateTime now = dbNow();
        int claimed = jdbc.sql("""
                update background_job set node_id = :node, heartbeat_at = :now
                where id = :id and kind = :kind and scope_id = :scope and owner_id = :owner
                  and state = 'QUEUED' and node_id is null and expires_at > :now""")
                .param("node", node).param("now", now).param("id", id).param("kind", kind).param("scope", scopeId)
                .param("owner", Callers.current().id())
                .update();
        if (claimed == 0) {
            return false;
        }
        int keep = jdbc.sql("select keep_seconds from background_job where id = :id").param("id", id).query(Integer.class).single();
        Local job = new Local(id, Duration.ofSeconds(keep), jdbc);
        local.put(id, job);
        try {
            // a copy: whoever set the caller's context may clear or change it while the work runs
            SecurityContext caller = SecurityContextHolder.createEmptyContext();
            caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
            workers.execute(new DelegatingSecurityContextRunnable(() -> run(job, work), caller));
        } catch (RuntimeException e) { // the node is shutting down
            local.remove(id);
            fail(job, STOPPED);
        }
        return true;
    }

    /** The caller's job of this kind and scope; empty for anyone else's, an unknown id or an expired job. */
    public Optional<Job> find(String kind, long scopeId, String id) {
        return find(kind, scopeId, id, true);
    }

    private Optional<Job> find(String kind, long scopeId, String id, boolean judgeSilence) {
        if (id == null || id.length() != 32) {
            return Optional.empty();
        }
        record Row(Job job, String node, OffsetDateTime heartbeat, OffsetDateTime expires) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, kind, scope_id, state, node_id, percent, step, detail, error, result_name, result_type, created_at,
                       finished_at, heartbeat_at, expires_at
                from background_job where id = :id and kind = :kind and scope_id = :scope and owner_id = :owner""")
                .param("id", id).param("kind", kind).param("scope", scopeId).param("owner", Callers.current().id())
                .query((rs, i) -> new Row(job(rs), rs.getString("node_id"), rs.getObject("heartbeat_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Job job = row.get().job();
        OffsetDateTime now = dbNow();
        boolean live = row.get().node() != null && !job.finished();
        if (!live && row.get().expires().isBefore(now)) {
            return Optional.empty(); // the sweep deletes it soon
        }
        if (judgeSilence && live && row.get().heartbeat().isBefore(now.minus(silence))) {
            failSilent(id, now);
            return find(kind, scopeId, id, false);
        }
        return Optional.of(job);
    }

    /** The result file of the caller's finished job; empty while it runs, after it failed, or for anyone else. */
    public Optional<Result> result(String kind, long scopeId, String id) {
        if (find(kind, scopeId, id).filter(j -> j.state() == State.DONE).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select result, result_name, result_type from background_job where id = :id and state = 'DONE' and result is not null")
                .param("id", id)
                .query((rs, i) -> new Result(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("kind"), rs.getLong("scope_id"), State.valueOf(rs.getString("state")),
                rs.getString("node_id") != null, rs.getInt("percent"), rs.getString("step"), rs.getString("detail"), rs.getString("error"),
                rs.getString("result_name"), rs.getString("result_type"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }

    // ------------------------------------------------------------------ running

    private void run(Local job, Work work) {
        try {
            int running = jdbc.sql("""
                    update background_job set state = 'RUNNING', started_at = :now, heartbeat_at = :now
                    where id = :id and node_id = :node and state = 'QUEUED'""")
                    .param("now", dbNow()).param("id", job.id).param("node", node).update();
            if (running == 0) {
                return; // given up while it waited (this node was judged silent)
            }
            transactions.executeWithoutResult(status -> {
                Outcome outcome;
                try {
                    outcome = work.run(job);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                synchronized (job) { // no heartbeat may overwrite the final step once this update holds the row
                    job.finishing = true;
                }
                if (job.abandoned) {
                    throw new Failure(SILENT);
                }
                complete(job, outcome == null ? Outcome.of("Done") : outcome);
            });
        } catch (RuntimeException e) {
            String message = e instanceof Failure ? e.getMessage() : BROKEN;
            if (!(e instanceof Failure) || e.getCause() != null) {
                log.error("Job {} failed", job.id, e.getCause() != null ? e.getCause() : e);
            }
            guarded("failing job " + job.id, () -> fail(job, message));
        } finally {
            local.remove(job.id);
        }
    }

    /** Marks the job done inside the work's transaction, only if it is still this node's running job. */
    private void complete(Local job, Outcome outcome) {
        OffsetDateTime now = dbNow();
        Result file = outcome.file();
        int done = jdbc.sql("""
                update background_job
                set state = 'DONE', percent = 100, step = :step, detail = coalesce(:detail, detail), result = :result,
                    result_name = :name, result_type = :type, input = null, finished_at = :now, heartbeat_at = :now, expires_at = :expires
                where id = :id and node_id = :node and state = 'RUNNING'""")
                .param("step", clip(outcome.step(), 500)).param("detail", outcome.detail())
                .param("result", file == null ? null : file.bytes()).param("name", file == null ? null : clip(file.fileName(), 300))
                .param("type", file == null ? null : file.contentType()).param("now", now).param("expires", now.plus(job.keep))
                .param("id", job.id).param("node", node)
                .update();
        if (done == 0) {
            throw new Failure(SILENT); // another node gave the job up meanwhile: its data must not land now
        }
    }

    private void fail(Local job, String message) {
        OffsetDateTime now = dbNow();
        jdbc.sql("""
                update background_job
                set state = 'FAILED', step = :message, error = :message, input = null, finished_at = :now, expires_at = :expires
                where id = :id and node_id = :node and state in ('QUEUED', 'RUNNING')""")
                .param("message", clip(message, 500)).param("now", now).param("expires", now.plus(max(job.keep, FAILED_KEPT)))
                .param("id", job.id).param("node", node)
                .update();
    }

    private void failSilent(String id, OffsetDateTime now) {
        int keep = jdbc.sql("select keep_seconds from background_job where id = :id").param("id", id).query(Integer.class).optional()
                .orElse(0);
        int failed = jdbc.sql("""
                update background_job
                set state = 'FAILED', step = :message, error = :message, input = null, finished_at = :now, expires_at = :expires
                where id = :id and state in ('QUEUED', 'RUNNING') and node_id is not null and heartbeat_at < :cutoff""")
                .param("message", SILENT).param("now", now).param("expires", now.plus(max(Duration.ofSeconds(keep), FAILED_KEPT)))
                .param("id", id).param("cutoff", now.minus(silence))
                .update();
        if (failed > 0) {
            log.warn("Job {} failed: its node sent no heartbeat for {}", id, silence);
        }
    }

    // ------------------------------------------------------------------ heartbeat and sweep

    /** Writes each local job's progress and this node's heartbeat; notices jobs another node gave up. */
    void tick() {
        for (Local job : local.values()) {
            synchronized (job) {
                if (job.finishing) {
                    continue;
                }
                int alive = jdbc.sql("""
                        update background_job set percent = coalesce(:percent, percent), step = coalesce(:step, step),
                                                  heartbeat_at = :now
                        where id = :id and node_id = :node and state in ('QUEUED', 'RUNNING')""")
                        .param("percent", job.percent).param("step", job.step == null ? null : clip(job.step, 500))
                        .param("now", dbNow()).param("id", job.id).param("node", node)
                        .update();
                if (alive == 0) {
                    job.abandoned = true; // its next progress report ends the work, and its commit would be refused anyway
                }
            }
        }
    }

    /** Fails the jobs of silent nodes and deletes expired jobs; any node may run it at any time. */
    void sweep() {
        measureDbClock();
        OffsetDateTime now = dbNow();
        List<String> silent = jdbc.sql("""
                select id from background_job
                where state in ('QUEUED', 'RUNNING') and node_id is not null and heartbeat_at < :cutoff""")
                .param("cutoff", now.minus(silence)).query(String.class).list();
        silent.forEach(id -> failSilent(id, now));
        jdbc.sql("delete from background_job where expires_at < :now and (state in ('DONE', 'FAILED') or node_id is null)")
                .param("now", now).update();
    }

    private void measureDbClock() {
        Instant before = Instant.now();
        OffsetDateTime db = jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single();
        Instant after = Instant.now();
        Instant local = before.plus(Duration.between(before, after).dividedBy(2));
        dbOffset = Duration.between(local, db.toInstant());
    }

    /** Now by the database's clock (this node's clock corrected by the last measured difference). */
    OffsetDateTime dbNow() {
        return OffsetDateTime.ofInstant(Instant.now().plus(dbOffset), ZoneOffset.UTC);
    }

    Duration silence() {
        return silence;
    }

    // ------------------------------------------------------------------ lifecycle

    /** A queue rather than more threads: renders are CPU-bound, and pages must not starve. */
    private ExecutorService newWorkers() {
        return Executors.newFixedThreadPool(workerCount, Thread.ofPlatform().name("job-", 0).daemon().factory());
    }

    /** Starts the heartbeat and the sweep; after a {@link #stop()} (a paused test context, say) also fresh workers. */
    @Override
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        if (workers.isShutdown()) {
            workers = newWorkers();
        }
        try {
            measureDbClock();
        } catch (RuntimeException e) {
            log.warn("Could not read the database's clock; using this node's: {}", e.getMessage());
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-heartbeat").daemon().factory());
        ticker.scheduleWithFixedDelay(() -> guarded("heartbeat", this::tick), flushInterval.toMillis(), flushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(() -> guarded("sweep", this::sweep), sweepInterval.toMillis(), sweepInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops taking work: the jobs running here fail at once rather than after the silence. */
    @Override
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        ticker = null;
        // no interrupts: an interrupted thread can close an embedded database's file under it; the work
        // learns it was given up at its next progress report, and its commit would be refused anyway
        workers.shutdown();
        for (Local job : local.values()) {
            job.abandoned = true;
            guarded("stop", () -> fail(job, STOPPED));
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    private static void guarded(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) { // the database may be away for a moment; the next round tries again
            log.warn("Background jobs: {} failed: {}", what, e.getMessage());
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
