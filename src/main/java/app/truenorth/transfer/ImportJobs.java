package app.truenorth.transfer;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.jobs.Jobs;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files uploaded on the import page between the preview and the confirmation, and the import that runs
 * after it in the background so the page can show its progress. Each upload is a job of the platform's
 * {@link Jobs} registry, so the file and the import's progress are in the database and any node can
 * answer the confirmation and the polls. An upload is kept for an hour, visible only to the person who
 * uploaded it and only for that product: the file is the person's draft, not yet the workspace's data.
 * The import itself is one transaction committed with the job's completion: if it fails, or the node
 * running it dies, nothing of it is written.
 */
@Component
public class ImportJobs {

    static final String KIND = "roadmap-import";
    private static final Duration KEPT = Duration.ofHours(1);

    private final Imports imports;
    private final Jobs jobs;
    private final WorkspaceAccess access;
    private final JsonMapper json;

    ImportJobs(Imports imports, Jobs jobs, WorkspaceAccess access, JsonMapper json) {
        this.imports = imports;
        this.jobs = jobs;
        this.access = access;
        this.json = json;
    }

    /** An uploaded file with its dry-run report, waiting for the confirmation. */
    public record Upload(String id, ImportFormat format, String fileName, Imports.Report preview) {
    }

    /**
     * An import as its progress page shows it.
     *
     * @param ready   initiatives of the file that pass every rule (what the import stores)
     * @param step    where it is ("Storing initiatives: 120 of 400")
     * @param summary the report's summary, once it has run
     * @param written whether it stored anything
     * @param error   why it failed, when it did; nothing was written then
     */
    public record Job(String id, String fileName, int ready, boolean started, boolean done, int percent, String step, String summary,
            boolean written, String error) {

        public boolean finished() {
            return done || error != null;
        }
    }

    /** What the registry keeps about an upload, as JSON. */
    record Detail(String format, String fileName, int ready, boolean written, String summary) {
    }

    /** Reads and checks an upload (writing nothing) and keeps it for the confirmation. */
    public Upload preview(long productId, ImportFormat format, String fileName, String text) {
        Imports.Report report = imports.run(productId, format, text, false, false, null);
        long workspaceId = access.product(productId, Permission.EDIT).workspaceId();
        String name = fileName == null ? "" : fileName;
        Jobs.Job job = jobs.create(new Jobs.Spec(KIND, workspaceId, productId, 0, storing(0, report.ready()),
                json.writeValueAsString(new Detail(format.code(), name, report.ready(), false, null)),
                text.getBytes(StandardCharsets.UTF_8), KEPT));
        return new Upload(job.id(), format, name, report);
    }

    /** The caller's upload or import for this product; 404 for anyone else's. */
    public Job find(long productId, String id) {
        return jobs.find(KIND, productId, id).map(this::job).orElseThrow(() -> new NotFoundException("Upload"));
    }

    /** Starts the import of a previewed upload in the background; a second confirmation changes nothing. */
    public Job start(long productId, String id, boolean skipRejected) {
        Job found = find(productId, id);
        if (found.started()) {
            return found;
        }
        Detail detail = detail(jobs.find(KIND, productId, id).orElseThrow(() -> new NotFoundException("Upload")));
        ImportFormat format = ImportFormat.parse(detail.format()).orElseThrow();
        jobs.start(KIND, productId, id, job -> {
            String text = new String(job.input(), StandardCharsets.UTF_8);
            int total = Math.max(1, detail.ready());
            Imports.Report result;
            try {
                result = imports.run(productId, format, text, true, skipRejected,
                        n -> job.progress(Math.min(99, n * 100 / total), storing(n, detail.ready())));
            } catch (InvalidInputException e) {
                throw new Jobs.Failure(String.join("; ", e.fieldErrors().values()));
            } catch (Jobs.Failure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Jobs.Failure("The import failed and nothing was written: " + e.getMessage(), e);
            }
            return new Jobs.Outcome(result.summary(), json.writeValueAsString(
                    new Detail(detail.format(), detail.fileName(), detail.ready(), result.written(), result.summary())), null);
        });
        return find(productId, id);
    }

    private static String storing(int stored, int ready) {
        return "Storing initiatives: " + stored + " of " + ready;
    }

    private Detail detail(Jobs.Job job) {
        return json.readValue(job.detail(), Detail.class);
    }

    private Job job(Jobs.Job job) {
        Detail detail = detail(job);
        boolean done = job.state() == Jobs.State.DONE;
        return new Job(job.id(), detail.fileName(), detail.ready(), job.started(), done, job.percent(), job.step(), detail.summary(),
                done && detail.written(), job.state() == Jobs.State.FAILED ? job.error() : null);
    }
}
