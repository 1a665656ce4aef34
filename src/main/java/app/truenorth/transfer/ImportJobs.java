package app.truenorth.transfer;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.security.Callers;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Files uploaded on the import page between the preview and the confirmation, and the import that runs
 * after it in the background so the page can show its progress. Kept in memory for an hour, visible only
 * to the person who uploaded the file and only for that product: the file is the person's draft, not yet
 * the workspace's data.
 */
@Component
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final Duration KEPT = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Imports imports;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roadmap-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(Imports imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    /** An uploaded file, its dry-run report and, once confirmed, the progress and outcome of the import. */
    public static final class Job {
        private final String id;
        private final long userId;
        private final long productId;
        private final ImportFormat format;
        private final String fileName;
        private final String text;
        private final Imports.Report preview;
        private final Instant created;
        private volatile boolean started;
        private volatile int stored;
        private volatile Imports.Report result;
        private volatile String error;

        Job(String id, long userId, long productId, ImportFormat format, String fileName, String text, Imports.Report preview,
                Instant created) {
            this.id = id;
            this.userId = userId;
            this.productId = productId;
            this.format = format;
            this.fileName = fileName;
            this.text = text;
            this.preview = preview;
            this.created = created;
        }

        public String id() {
            return id;
        }

        public ImportFormat format() {
            return format;
        }

        public String fileName() {
            return fileName;
        }

        public Imports.Report preview() {
            return preview;
        }

        public boolean started() {
            return started;
        }

        public boolean finished() {
            return result != null || error != null;
        }

        public Imports.Report result() {
            return result;
        }

        public String error() {
            return error;
        }

        /** Per cent of the accepted initiatives stored so far. */
        public int percent() {
            int total = Math.max(1, preview.ready());
            return result != null ? 100 : Math.min(99, stored * 100 / total);
        }

        public int stored() {
            return stored;
        }
    }

    /** Reads and checks an upload (writing nothing) and keeps it for the confirmation. */
    public Job preview(long productId, ImportFormat format, String fileName, String text) {
        Imports.Report report = imports.run(productId, format, text, false, false, null);
        forgetOld();
        String id = HexFormat.of().formatHex(bytes()); // 128 bits: not guessable by another member
        Job job = new Job(id, Callers.current().id(), productId, format, fileName, text, report, clock.instant());
        jobs.put(id, job);
        return job;
    }

    public Job find(long productId, String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null || job.productId != productId || job.userId != Callers.current().id()) {
            throw new NotFoundException("Upload");
        }
        return job;
    }

    /** Starts the import of a previewed upload in the background; a second confirmation changes nothing. */
    public synchronized Job start(long productId, String id, boolean skipRejected) {
        Job job = find(productId, id);
        if (job.started) {
            return job;
        }
        job.started = true;
        runner.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                job.result = imports.run(productId, job.format, job.text, true, skipRejected, n -> job.stored = n);
            } catch (InvalidInputException e) {
                job.error = String.join("; ", e.fieldErrors().values());
            } catch (RuntimeException e) {
                log.error("Import {} into product {} failed", job.id, productId, e);
                job.error = "The import failed and nothing was written: " + e.getMessage();
            }
        }));
        return job;
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(j -> j.created.isBefore(cutoff) && (j.finished() || !j.started));
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
