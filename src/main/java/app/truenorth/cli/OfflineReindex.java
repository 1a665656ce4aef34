package app.truenorth.cli;

import app.truenorth.text.RebuildReport;
import app.truenorth.text.TextIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code truenorth reindex --data DIR}: the text module's own rebuild, run on a stopped instance's
 * embedded database. It starts the application without opening any port, on that folder only (a
 * configured PostgreSQL URL is ignored), so the rebuild is exactly the server's; an instance that is
 * still running holds the database, and is reported as such.
 */
final class OfflineReindex {

    private OfflineReindex() {
    }

    static int run(Class<?> application, Path dir, PrintWriter out, PrintWriter err) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!ReindexCommand.hasDatabase(folder)) {
            err.println("error: " + folder + " holds no TrueNorth database (truenorth.mv.db): pass the folder the server's --data names");
            return 3;
        }
        String url = "jdbc:h2:file:" + folder.resolve("truenorth") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        ConfigurableApplicationContext context;
        try {
            // command-line arguments outrank the environment, so TRUENORTH_DB_URL cannot send this elsewhere; port -1:
            // the web application context the security configuration needs, with no HTTP listener at all
            context = new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET).logStartupInfo(false)
                    .run("--server.port=-1", "--truenorth.data-dir=" + folder, "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                            "--spring.datasource.password=", "--truenorth.demo=false", "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN");
        } catch (RuntimeException e) {
            err.println("error: cannot open the database in " + folder + ": " + (inUse(e)
                    ? "a TrueNorth server is running on it. Use truenorth reindex with --server and an owner's token instead."
                    : rootMessage(e)));
            return 3;
        }
        try (context) {
            out.println("Rebuilding the text index of " + folder);
            out.flush();
            AtomicLong shown = new AtomicLong(-1);
            RebuildReport report = context.getBean(TextIndex.class).rebuild((done, total) -> {
                long percent = total <= 0 ? 100 : done * 100 / total;
                if (shown.getAndSet(percent) != percent) {
                    out.println(String.format(Locale.ROOT, "%3d %%  Indexed %d of %d documents", percent, done, total));
                    out.flush();
                }
            });
            out.println(String.format(Locale.ROOT, "Rebuilt the text index: %d documents, %d embedded again, in %.1f s.",
                    report.documents(), report.embedded(), report.took().toMillis() / 1000.0));
            return 0;
        } catch (RuntimeException e) {
            err.println("error: the rebuild failed and the index was left as it was: " + rootMessage(e));
            return 1;
        }
    }

    /** H2 refuses a file another process holds open ("Database may be already in use"). */
    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("already in use")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
