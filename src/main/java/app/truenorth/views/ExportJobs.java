package app.truenorth.views;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.Callers;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Exports of big roadmaps run in the background and report their progress, so the page can show it
 * instead of hanging. A job belongs to the member who started it and to its product; its file is kept
 * in memory for {@link #KEEP} and then forgotten.
 */
@Service
public class ExportJobs {

    /** Roadmaps with more initiatives than this export through a job on the pages. */
    public static final int BIG = 200;
    static final Duration KEEP = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum State {
        RUNNING, DONE, FAILED
    }

    /** What a job's owner may know about it. */
    public record Status(String id, Audience audience, ExportFormat format, int percent, String step, State state, String fileName) {

        public boolean finished() {
            return state != State.RUNNING;
        }
    }

    private static final class Job {
        final String id;
        final long productId;
        final long userId;
        final Audience audience;
        final ExportFormat format;
        final Instant started;
        volatile int percent;
        volatile String step = "Queued";
        volatile State state = State.RUNNING;
        volatile byte[] file;
        volatile String fileName;

        Job(String id, long productId, long userId, Audience audience, ExportFormat format, Instant started) {
            this.id = id;
            this.productId = productId;
            this.userId = userId;
            this.audience = audience;
            this.format = format;
            this.started = started;
        }

        Status status() {
            return new Status(id, audience, format, percent, step, state, fileName);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    // two workers: renders are CPU-bound, and a queue is better than starving the pages
    private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("export-", 0).daemon().factory());
    private final Views views;
    private final ViewExports exports;
    private final WorkspaceAccess access;
    private final Clock clock;

    ExportJobs(Views views, ViewExports exports, WorkspaceAccess access, Clock clock) {
        this.views = views;
        this.exports = exports;
        this.access = access;
        this.clock = clock;
    }

    /** Starts an export of the audience's view; the roadmap is read now, as the caller, and rendered in the background. */
    public Status start(long productId, Audience audience, ExportFormat format) {
        access.product(productId, Permission.READ);
        forgetOld();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        Job job = new Job(HexFormat.of().formatHex(random), productId, Callers.current().id(), audience, format, clock.instant());
        jobs.put(job.id, job);
        job.step = "Reading the roadmap";
        job.percent = 10;
        AudienceView view = views.view(productId, audience);
        job.step = "Applying the " + audience.label() + " rules";
        job.percent = 40;
        workers.submit(() -> {
            try {
                job.step = "Writing " + format.label() + " (" + view.items().size() + " initiatives)";
                job.percent = 60;
                job.file = exports.export(view, format);
                job.fileName = exports.fileName(view, format);
                job.percent = 100;
                job.step = "Ready";
                job.state = State.DONE;
            } catch (RuntimeException e) {
                log.error("Export {} of product {} failed", format, productId, e);
                job.step = "The export failed; nothing was kept. Try again, or a smaller format.";
                job.state = State.FAILED;
            }
        });
        return job.status();
    }

    public Status status(long productId, String jobId) {
        return find(productId, jobId).status();
    }

    /** The finished file; 404 while it is still running or for anyone but its owner. */
    public byte[] file(long productId, String jobId) {
        Job job = find(productId, jobId);
        if (job.state != State.DONE) {
            throw new NotFoundException("Export file");
        }
        return job.file;
    }

    private Job find(long productId, String jobId) {
        access.product(productId, Permission.READ);
        Job job = jobs.get(jobId == null ? "" : jobId);
        if (job == null || job.productId != productId || job.userId != Callers.current().id()) {
            throw new NotFoundException("Export");
        }
        return job;
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.started.isBefore(cutoff));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
