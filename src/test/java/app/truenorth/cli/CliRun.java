package app.truenorth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command in-process, as the jar's main method would, and keeps what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), app.truenorth.TrueNorthApplication.class);
        return new CliRun(code, out.toString(), err.toString());
    }
}
