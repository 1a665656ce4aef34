package app.truenorth.cli;

import app.truenorth.health.rules.HealthReport;
import app.truenorth.health.rules.LintOutput;
import app.truenorth.health.rules.RoadmapFile;
import app.truenorth.health.rules.RoadmapFileException;
import app.truenorth.health.rules.RoadmapYaml;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code truenorth lint roadmap.yaml}: the server's health checks on a roadmap-as-code file, offline; or on a
 * roadmap file written by {@code truenorth pull}, which carries the anti-goals, thresholds and dismissals the
 * server judged by, so the anti-goal findings are the server's.
 * Exit codes suit CI: 0 clean or warnings only, 1 when a check reports an error, 2 when the file cannot
 * be read or is not a valid roadmap.
 */
@Command(name = "lint", description = "Check a roadmap.yaml file (or a roadmap.json written by truenorth pull) for roadmap "
        + "pitfalls, offline. Exit code 0: no errors; 1: health errors; 2: unreadable or invalid file.")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The roadmap file: roadmap-as-code YAML (see docs/roadmap-as-code.md) "
            + "or the JSON of truenorth pull.")
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
        RoadmapFile roadmap;
        try {
            roadmap = RoadmapYaml.read(file);
        } catch (RoadmapFileException e) {
            spec.commandLine().getOut().print(LintOutput.invalid(out, file.toString(), e.problems()));
            return 2;
        }
        HealthReport report = roadmap.check(today != null ? today : LocalDate.now());
        spec.commandLine().getOut().print(LintOutput.report(out, file.toString(), roadmap, report));
        return report.hasErrors() ? 1 : 0;
    }
}
