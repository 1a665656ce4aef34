package app.truenorth.health;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.jobs.Jobs;
import app.truenorth.text.RebuildReport;
import app.truenorth.text.TextIndex;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Rebuilding the text index from the database, started by a workspace owner (the button on the Health
 * page, {@code POST /api/v1/workspace/text-index/rebuild}, {@code truenorth reindex}). The rebuild itself
 * is the text module's; this runs it as a job of the platform's registry, so its progress is in the
 * database and any node answers a poll, and a rebuild whose node dies fails cleanly. The index is derived
 * data: a rebuild changes no document, only how fast and how well they are found.
 */
@Service
public class TextIndexRebuilds {

    /** The job kind in the registry. */
    public static final String KIND = "text-reindex";
    static final Duration KEEP = Duration.ofHours(1);

    public enum State {
        WAITING, RUNNING, DONE, FAILED
    }

    /** What the owner who started a rebuild may know about it. */
    public record Status(String id, State state, int percent, String step, String error, OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }
    }

    private final WorkspaceAccess access;
    private final Jobs jobs;
    private final TextIndex index;
    private final AuditLog audit;

    TextIndexRebuilds(WorkspaceAccess access, Jobs jobs, TextIndex index, AuditLog audit) {
        this.access = access;
        this.jobs = jobs;
        this.index = index;
        this.audit = audit;
    }

    /** Starts a rebuild (owners of the current workspace) and answers at once; follow it with {@link #status}. */
    public Status start() {
        return start(access.require(Permission.ADMIN).workspaceId());
    }

    /** Starts a rebuild from a product's page (owners of the product's workspace). */
    public Status startFromProduct(long productId) {
        return start(access.product(productId, Permission.ADMIN).workspaceId());
    }

    private Status start(long workspaceId) {
        Jobs.Job job = jobs.submit(new Jobs.Spec(KIND, workspaceId, workspaceId, 0, "Waiting for a worker", null, null, KEEP),
                running -> {
                    running.progress(0, "Reading the documents from the database");
                    RebuildReport report;
                    try {
                        report = index.rebuild((done, total) -> running.progress(total <= 0 ? 100 : (int) Math.min(99, done * 100 / total),
                                "Indexed " + done + " of " + total + " documents"));
                    } catch (Jobs.Failure e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new Jobs.Failure("The rebuild failed and the index was left as it was. Try again; if it fails again, "
                                + "the server log says why.", e);
                    }
                    return Jobs.Outcome.of(describe(report));
                });
        audit.record(workspaceId, "text_index", workspaceId, "rebuild", "Started a rebuild of the text index", null, null);
        return status(job);
    }

    static String describe(RebuildReport report) {
        return "Rebuilt the text index: " + report.documents() + " document" + (report.documents() == 1 ? "" : "s") + ", "
                + report.embedded() + " embedded again, in "
                + String.format(Locale.ROOT, "%.1f s", report.took().toMillis() / 1000.0) + ".";
    }

    /** A rebuild the caller started in their current workspace; 404 for anyone else's. */
    public Status status(String jobId) {
        return status(access.require(Permission.ADMIN).workspaceId(), jobId);
    }

    /** A rebuild the caller started from a page of this product's workspace; 404 for anyone else's. */
    public Status statusFromProduct(long productId, String jobId) {
        return status(access.product(productId, Permission.ADMIN).workspaceId(), jobId);
    }

    private Status status(long workspaceId, String jobId) {
        return jobs.find(KIND, workspaceId, jobId).map(TextIndexRebuilds::status)
                .orElseThrow(() -> new NotFoundException("Rebuild"));
    }

    private static Status status(Jobs.Job job) {
        State state = switch (job.state()) {
            case QUEUED -> job.started() ? State.RUNNING : State.WAITING;
            case RUNNING -> State.RUNNING;
            case DONE -> State.DONE;
            case FAILED -> State.FAILED;
        };
        return new Status(job.id(), state, state == State.DONE ? 100 : job.percent(), job.step(), job.error(), job.createdAt(),
                job.finishedAt());
    }
}
