package app.truenorth.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code truenorth reindex}: rebuilds the text index from the database. Against a running server it asks
 * the API (a workspace owner's token) and follows the job until it ends; with {@code --data DIR} it works
 * on a stopped instance's embedded database directly, with no server. Exit codes: 0 rebuilt, 1 the rebuild
 * failed, 2 bad usage or no token, 3 the server or the data folder cannot be reached.
 */
@Command(name = "reindex", description = "Rebuild the text index from the database: through a running server's API (owner's "
        + "token), following its progress, or with --data DIR on a stopped instance directly.")
final class ReindexCommand implements Callable<Integer> {

    static final String API = "/api/v1/workspace/text-index/rebuild";

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Work on the stopped instance whose embedded database is in DIR "
            + "(the server's --data); no server, no token.")
    Path data;

    @Option(names = "--poll-ms", hidden = true, defaultValue = "500", description = "How often to ask for progress, in milliseconds.")
    long pollMillis;

    /** The application to start for {@code --data}; null when the tools run without it (then --data is refused). */
    private final Class<?> application;

    ReindexCommand(Class<?> application) {
        this.application = application;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (data != null) {
            if (application == null) {
                spec.commandLine().getErr().println("error: --data needs the application; run it as ./truenorth reindex --data DIR");
                return 2;
            }
            return OfflineReindex.run(application, data, out, spec.commandLine().getErr());
        }
        ApiClient client = server.client();
        JsonNode job = client.post(API);
        String id = job.path("id").asString();
        String shown = "";
        while (true) {
            String state = job.path("state").asString();
            String line = String.format(Locale.ROOT, "%3d %%  %s", job.path("percent").asInt(), job.path("step").asString());
            if (!line.equals(shown) && !state.equals("DONE") && !state.equals("FAILED")) {
                out.println(line);
                out.flush();
                shown = line;
            }
            if (state.equals("DONE")) {
                out.println(job.path("step").asString());
                return 0;
            }
            if (state.equals("FAILED")) {
                spec.commandLine().getErr().println("error: " + job.path("error").asString());
                return 1;
            }
            Thread.sleep(Math.max(50, pollMillis));
            job = client.get(API + "/" + id);
        }
    }

    /** True when DIR holds an embedded database to work on. */
    static boolean hasDatabase(Path dir) {
        return Files.isRegularFile(dir.resolve("truenorth.mv.db"));
    }
}
