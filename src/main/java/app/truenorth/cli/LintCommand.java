package app.truenorth.cli;

import app.truenorth.health.rules.HealthReport;
import app.truenorth.health.rules.LintOutput;
import app.truenorth.health.rules.RoadmapFile;
import app.truenorth.health.rules.RoadmapFileException;
import app.truenorth.health.rules.RoadmapYaml;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code truenorth lint roadmap.yaml}: the server's health checks on a roadmap-as-code file, offline.
 * Exit codes suit CI: 0 clean or warnings only, 1 when a check reports an error, 2 when the file cannot
 * be read or is not a valid roadmap.
 */
@Command(name = "lint", description = "Check a roadmap.yaml file for roadmap pitfalls, offline. Exit code 0: no errors; "
        + "1: health errors; 2: unreadable or invalid file.")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The roadmap file (see docs/roadmap-as-code.md).")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--today", hidden = true, description = "Check as of this date (YYYY-MM-DD), for reproducible runs.")
    LocalDate today;

    @Override
    public Integer call() {
        LintOutput.Format out;
        try {
            out = LintOutput.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: --format must be text, json or sarif, not “" + format + "”");
            return 2;
        }
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return invalid(out, name, "is not UTF-8 text");
        } catch (IOException e) {
            return invalid(out, name, "cannot be read (" + (Files.exists(file) ? e.getClass().getSimpleName() : "no such file") + ")");
        }
        RoadmapFile roadmap;
        try {
            roadmap = RoadmapYaml.read(text);
        } catch (RoadmapFileException e) {
            spec.commandLine().getOut().print(LintOutput.invalid(out, name, e.problems()));
            return 2;
        }
        HealthReport report = roadmap.check(today != null ? today : LocalDate.now());
        spec.commandLine().getOut().print(LintOutput.report(out, name, roadmap, report));
        return report.hasErrors() ? 1 : 0;
    }

    private int invalid(LintOutput.Format out, String name, String message) {
        spec.commandLine().getOut().print(LintOutput.invalid(out, name, List.of(new RoadmapFileException.Problem(0, "", message))));
        return 2;
    }
}
