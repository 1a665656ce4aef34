package app.truenorth.views;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.jobs.Jobs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Exports of big roadmaps run in the background and report their progress, so the page can show it
 * instead of hanging. Each export is a job of the platform's {@link Jobs} registry: its progress and file
 * are in the database, so any node answers the polls and the download. A job belongs to the member who
 * started it and to its product; its file is kept for {@link #KEEP} and then deleted.
 */
@Service
public class ExportJobs {

    /** Roadmaps with more initiatives than this export through a job on the pages. */
    public static final int BIG = 200;
    static final Duration KEEP = Duration.ofMinutes(15);
    static final String KIND = "views-export";

    public enum State {
        RUNNING, DONE, FAILED
    }

    /** What a job's owner may know about it. */
    public record Status(String id, Audience audience, ExportFormat format, int percent, String step, State state, String fileName) {

        public boolean finished() {
            return state != State.RUNNING;
        }
    }

    private final Views views;
    private final ViewExports exports;
    private final WorkspaceAccess access;
    private final Jobs jobs;

    ExportJobs(Views views, ViewExports exports, WorkspaceAccess access, Jobs jobs) {
        this.views = views;
        this.exports = exports;
        this.access = access;
        this.jobs = jobs;
    }

    /** Starts an export of the audience's view; the roadmap is read now, as the caller, and rendered in the background. */
    public Status start(long productId, Audience audience, ExportFormat format) {
        long workspaceId = access.product(productId, Permission.READ).workspaceId();
        AudienceView view = views.view(productId, audience);
        var spec = new Jobs.Spec(KIND, workspaceId, productId, 40, "Applying the " + audience.label() + " rules",
                audience.name() + " " + format.name(), null, KEEP);
        Jobs.Job job = jobs.submit(spec, running -> {
            running.progress(60, "Writing " + format.label() + " (" + view.items().size() + " initiatives)");
            try {
                byte[] file = exports.export(view, format);
                return Jobs.Outcome.file("Ready", new Jobs.Result(file, exports.fileName(view, format), format.contentType()));
            } catch (RuntimeException e) {
                throw new Jobs.Failure("The export failed; nothing was kept. Try again, or a smaller format.", e);
            }
        });
        return status(job);
    }

    public Status status(long productId, String jobId) {
        access.product(productId, Permission.READ);
        return jobs.find(KIND, productId, jobId).map(ExportJobs::status).orElseThrow(() -> new NotFoundException("Export"));
    }

    /** The finished file; 404 while it is still running or for anyone but its owner. */
    public byte[] file(long productId, String jobId) {
        status(productId, jobId);
        return jobs.result(KIND, productId, jobId).map(Jobs.Result::bytes).orElseThrow(() -> new NotFoundException("Export file"));
    }

    private static Status status(Jobs.Job job) {
        String[] detail = job.detail().split(" ");
        State state = switch (job.state()) {
            case QUEUED, RUNNING -> State.RUNNING;
            case DONE -> State.DONE;
            case FAILED -> State.FAILED;
        };
        return new Status(job.id(), Audience.valueOf(detail[0]), ExportFormat.valueOf(detail[1]), job.percent(), job.step(), state,
                job.resultName());
    }
}
