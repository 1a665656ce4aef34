package app.truenorth.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.truenorth.support.Fixtures;
import app.truenorth.support.IntegrationTest;
import app.truenorth.workspace.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The job registry on the database the suite runs on (H2, or PostgreSQL with TRUENORTH_DB_URL). */
@IntegrationTest
class JobsTest {

    static final String KIND = "test-job";

    @Autowired
    Jobs jobs;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Fixtures.Person owner;
    long scope;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        owner = fixtures.owner();
        scope = fixtures.product(owner, "Jobs").id();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        SecurityContextHolder.clearContext();
    }

    <T> T as(Fixtures.Person person, Supplier<T> action) {
        var user = person.principal();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    Jobs.Spec spec(Duration keep) {
        return new Jobs.Spec(KIND, owner.workspaceId(), scope, 0, "Queued", "detail", "the input".getBytes(StandardCharsets.UTF_8), keep);
    }

    Jobs.Job job(String id) {
        return as(owner, () -> jobs.find(KIND, scope, id)).orElseThrow();
    }

    long markers(String marker) {
        return jdbc.sql("select count(*) from audit_event where summary = :s").param("s", marker).query(Long.class).single();
    }

    /** Writes a row inside the work's transaction, the way an import writes its initiatives. */
    void writeMarker(String marker) {
        jdbc.sql("""
                insert into audit_event (workspace_id, actor_name, entity_type, entity_id, action, summary, at)
                values (:ws, 'test', 'job', 'x', 'test', :s, current_timestamp)""")
                .param("ws", owner.workspaceId()).param("s", marker).update();
    }

    static boolean eventually(Duration limit, BooleanSupplier check) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void progressIsWrittenWithinTwoSecondsAndTheResultFileIsKept() throws Exception {
        String marker = "job-" + UUID.randomUUID();
        var reported = new CountDownLatch(1);
        Jobs.Job started = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)), running -> {
            assertThat(new String(running.input(), StandardCharsets.UTF_8)).isEqualTo("the input");
            writeMarker(marker);
            running.progress(37, "Thirty-seven");
            reported.countDown();
            release.await(20, TimeUnit.SECONDS);
            return Jobs.Outcome.file("Ready", new Jobs.Result("a,b\n".getBytes(StandardCharsets.UTF_8), "out.csv", "text/csv"));
        }));
        assertThat(started.state()).isEqualTo(Jobs.State.QUEUED);
        assertThat(started.started()).isTrue();

        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        long reportedAt = System.nanoTime();
        assertThat(eventually(Duration.ofSeconds(5), () -> job(started.id()).percent() == 37)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - reportedAt)).as("progress is never more than 2 s stale")
                .isLessThan(Duration.ofSeconds(2));
        Jobs.Job running = job(started.id());
        assertThat(running.state()).isEqualTo(Jobs.State.RUNNING);
        assertThat(running.step()).isEqualTo("Thirty-seven");
        assertThat(as(owner, () -> jobs.result(KIND, scope, started.id()))).as("no file while it runs").isEmpty();
        assertThat(markers(marker)).as("nothing the work wrote is visible before it finishes").isZero();

        // the node's heartbeat keeps coming while the work runs
        OffsetDateTime first = heartbeat(started.id());
        assertThat(eventually(Duration.ofSeconds(5), () -> heartbeat(started.id()).isAfter(first))).isTrue();

        release.countDown();
        assertThat(eventually(Duration.ofSeconds(10), () -> job(started.id()).finished())).isTrue();
        Jobs.Job done = job(started.id());
        assertThat(done.state()).isEqualTo(Jobs.State.DONE);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.step()).isEqualTo("Ready");
        assertThat(done.resultName()).isEqualTo("out.csv");
        assertThat(done.finishedAt()).isNotNull();
        Jobs.Result result = as(owner, () -> jobs.result(KIND, scope, started.id())).orElseThrow();
        assertThat(new String(result.bytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n");
        assertThat(result.contentType()).isEqualTo("text/csv");
        assertThat(markers(marker)).as("the work's writes are committed with its completion").isEqualTo(1);
        var row = jdbc.sql("select input, node_id, finished_at, expires_at from background_job where id = :id").param("id", started.id())
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class)}).single();
        assertThat(row[0]).as("the input is dropped once the job is done").isNull();
        assertThat(row[1]).isEqualTo(jobs.node());
        assertThat(Duration.between((OffsetDateTime) row[2], (OffsetDateTime) row[3])).isEqualTo(Duration.ofMinutes(5));
    }

    OffsetDateTime heartbeat(String id) {
        return jdbc.sql("select heartbeat_at from background_job where id = :id").param("id", id).query(OffsetDateTime.class).single();
    }

    @Test
    void aFailedJobKeepsNothingItWroteAndSaysWhy() throws Exception {
        String marker = "job-" + UUID.randomUUID();
        Jobs.Job started = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)), running -> {
            writeMarker(marker);
            running.progress(50, "Half way");
            throw new Jobs.Failure("Row 7 is not a date; nothing was written.");
        }));
        assertThat(eventually(Duration.ofSeconds(10), () -> job(started.id()).finished())).isTrue();
        Jobs.Job failed = job(started.id());
        assertThat(failed.state()).isEqualTo(Jobs.State.FAILED);
        assertThat(failed.error()).isEqualTo("Row 7 is not a date; nothing was written.");
        assertThat(as(owner, () -> jobs.result(KIND, scope, started.id()))).isEmpty();
        assertThat(markers(marker)).isZero();

        // an unexpected error is not shown as such, and rolls back just the same
        String other = "job-" + UUID.randomUUID();
        Jobs.Job broken = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)), running -> {
            writeMarker(other);
            throw new IllegalStateException("internal detail");
        }));
        assertThat(eventually(Duration.ofSeconds(10), () -> job(broken.id()).finished())).isTrue();
        assertThat(job(broken.id()).error()).isEqualTo(Jobs.BROKEN).doesNotContain("internal detail");
        assertThat(markers(other)).isZero();
    }

    @Test
    void onlyItsOwnerSeesAJobAndOnlyForItsKindAndScope() throws Exception {
        Jobs.Job started = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)),
                running -> Jobs.Outcome.file("Ready", new Jobs.Result(new byte[] {1, 2, 3}, "x.bin", "application/octet-stream"))));
        assertThat(eventually(Duration.ofSeconds(10), () -> job(started.id()).finished())).isTrue();
        var colleague = fixtures.member(owner, Role.EDITOR);
        var stranger = fixtures.owner();
        for (var person : java.util.List.of(colleague, stranger)) {
            assertThat(as(person, () -> jobs.find(KIND, scope, started.id()))).isEmpty();
            assertThat(as(person, () -> jobs.result(KIND, scope, started.id()))).isEmpty();
        }
        assertThat(as(owner, () -> jobs.find("another-kind", scope, started.id()))).isEmpty();
        assertThat(as(owner, () -> jobs.find(KIND, scope + 1, started.id()))).isEmpty();
        assertThat(as(owner, () -> jobs.find(KIND, scope, "0".repeat(32)))).isEmpty();
        assertThat(as(owner, () -> jobs.find(KIND, scope, "' or 1=1 --"))).isEmpty();
        assertThat(as(owner, () -> jobs.result(KIND, scope, started.id()))).isPresent();
    }

    @Test
    void aWaitingJobStartsOnceAndOnlyForItsOwner() throws Exception {
        Jobs.Job waiting = as(owner, () -> jobs.create(spec(Duration.ofMinutes(5))));
        assertThat(job(waiting.id()).started()).isFalse();
        var colleague = fixtures.member(owner, Role.EDITOR);
        assertThat(as(colleague, () -> jobs.start(KIND, scope, waiting.id(), running -> Jobs.Outcome.of("theirs")))).isFalse();
        assertThat(as(owner, () -> jobs.start(KIND, scope, waiting.id(), running -> Jobs.Outcome.of("first")))).isTrue();
        assertThat(as(owner, () -> jobs.start(KIND, scope, waiting.id(), running -> Jobs.Outcome.of("second")))).isFalse();
        assertThat(eventually(Duration.ofSeconds(10), () -> job(waiting.id()).finished())).isTrue();
        assertThat(job(waiting.id()).step()).isEqualTo("first");
    }

    @Test
    void aJobWhoseNodeFellSilentIsFailedByAnyNodeAndItsLateCommitIsRefused() throws Exception {
        // a job another node took on and then stopped speaking for longer than the silence allowed
        Jobs.Job orphan = as(owner, () -> jobs.create(spec(Duration.ofMinutes(5))));
        jdbc.sql("update background_job set node_id = 'gone', state = 'RUNNING', heartbeat_at = :old where id = :id")
                .param("old", jobs.dbNow().minus(jobs.silence()).minusSeconds(1)).param("id", orphan.id()).update();
        Jobs.Job seen = job(orphan.id());
        assertThat(seen.state()).as("a poll judges it").isEqualTo(Jobs.State.FAILED);
        assertThat(seen.error()).isEqualTo(Jobs.SILENT);

        Jobs.Job another = as(owner, () -> jobs.create(spec(Duration.ofMinutes(5))));
        jdbc.sql("update background_job set node_id = 'gone', state = 'RUNNING', heartbeat_at = :old where id = :id")
                .param("old", jobs.dbNow().minus(jobs.silence()).minusSeconds(1)).param("id", another.id()).update();
        jobs.sweep();
        assertThat(jdbc.sql("select state from background_job where id = :id").param("id", another.id()).query(String.class).single())
                .as("the sweep judges it without a poll").isEqualTo("FAILED");

        // this node's own job, given up by another node while it still ran: its writes must not land afterwards
        String marker = "job-" + UUID.randomUUID();
        var writing = new CountDownLatch(1);
        Jobs.Job late = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)), running -> {
            writeMarker(marker);
            writing.countDown();
            release.await(20, TimeUnit.SECONDS);
            return Jobs.Outcome.of("Done late");
        }));
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        jdbc.sql("update background_job set state = 'FAILED', error = 'given up', step = 'given up' where id = :id")
                .param("id", late.id()).update();
        release.countDown();
        Thread.sleep(1500);
        assertThat(job(late.id()).state()).isEqualTo(Jobs.State.FAILED);
        assertThat(job(late.id()).error()).isEqualTo("given up");
        assertThat(markers(marker)).isZero();
    }

    @Test
    void aStoppedNodeFailsItsRunningJobsAndTakesWorkAgainOnceStarted() throws Exception {
        // Spring stops and starts a test context's lifecycle when it pauses it, as a server is stopped and started
        var running = new CountDownLatch(1);
        Jobs.Job interrupted = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)), job -> {
            running.countDown();
            release.await(20, TimeUnit.SECONDS);
            job.progress(90, "After the stop");
            return Jobs.Outcome.of("Too late");
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        jobs.stop();
        try {
            assertThat(job(interrupted.id()).state()).isEqualTo(Jobs.State.FAILED);
            assertThat(job(interrupted.id()).error()).isEqualTo(Jobs.STOPPED);
        } finally {
            jobs.start();
        }
        release.countDown();
        Jobs.Job after = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)), job -> Jobs.Outcome.of("Ran after the restart")));
        assertThat(eventually(Duration.ofSeconds(10), () -> job(after.id()).finished())).isTrue();
        assertThat(job(after.id()).step()).isEqualTo("Ran after the restart");
        Thread.sleep(200);
        assertThat(job(interrupted.id()).state()).as("the stopped job's late end changes nothing").isEqualTo(Jobs.State.FAILED);
    }

    @Test
    void finishedJobsExpireAndAreDeleted() throws Exception {
        Jobs.Job done = as(owner, () -> jobs.submit(spec(Duration.ofMinutes(5)),
                running -> Jobs.Outcome.file("Ready", new Jobs.Result(new byte[] {1}, "x.bin", "application/octet-stream"))));
        Jobs.Job waiting = as(owner, () -> jobs.create(spec(Duration.ofMinutes(5))));
        assertThat(eventually(Duration.ofSeconds(10), () -> job(done.id()).finished())).isTrue();
        jobs.sweep();
        assertThat(as(owner, () -> jobs.find(KIND, scope, done.id()))).as("not yet expired").isPresent();

        jdbc.sql("update background_job set expires_at = :past where id in (:ids)").param("past", jobs.dbNow().minusSeconds(1))
                .param("ids", java.util.List.of(done.id(), waiting.id())).update();
        assertThat(as(owner, () -> jobs.find(KIND, scope, done.id()))).as("expired: gone for its owner at once").isEmpty();
        assertThat(as(owner, () -> jobs.result(KIND, scope, done.id()))).isEmpty();
        assertThat(as(owner, () -> jobs.start(KIND, scope, waiting.id(), running -> Jobs.Outcome.of("late")))).isFalse();
        jobs.sweep();
        assertThat(jdbc.sql("select count(*) from background_job where id in (:ids)")
                .param("ids", java.util.List.of(done.id(), waiting.id())).query(Long.class).single()).isZero();
    }
}
