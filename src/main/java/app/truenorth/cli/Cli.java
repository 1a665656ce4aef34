package app.truenorth.cli;

import com.openhtmltopdf.util.XRLog;
import java.io.PrintWriter;
import java.util.Set;
import java.util.logging.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the command-line tools. The jar's main method hands over here when the first
 * argument names a command, so these never start the server.
 */
@Command(name = "truenorth", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "TrueNorth CLI 0.1",
        description = "Work with a TrueNorth server from the command line, authenticated by a personal API token "
                + "(Account → API tokens) in TRUENORTH_TOKEN or --token; lint and render roadmap files offline, with no server.",
        subcommands = {WhoamiCommand.class, ProductsCommand.class, LintCommand.class, RenderCommand.class, PushCommand.class,
                PullCommand.class, CommandLine.HelpCommand.class})
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("whoami", "products", "lint", "render", "push", "pull", "reindex", "help", "--version");

    private Cli() {
    }

    /** True when the arguments ask for a command rather than for the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * The process entry: libraries log only warnings, and to standard error, so output written to
     * standard output ({@code render -o -}, {@code lint --format json}) is exactly the document.
     */
    public static int exec(String[] args) {
        return exec(args, null);
    }

    /**
     * As {@link #exec(String[])}, naming the application class {@code reindex --data} starts (without a
     * port) to run the text module's rebuild on a stopped instance: the entry point hands it over, so the
     * command-line tools need not know the application.
     */
    public static int exec(String[] args, Class<?> application) {
        System.setProperty("logback.configurationFile", "app/truenorth/cli/logback-cli.xml");
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), application);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err, Class<?> application) {
        CommandLine cli = new CommandLine(new Cli());
        cli.addSubcommand("reindex", new ReindexCommand(application));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println(e instanceof ApiClient.ApiException api ? api.getMessage() : "error: " + e.getMessage());
            return e instanceof ApiClient.ApiException api ? api.exitCode() : 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
