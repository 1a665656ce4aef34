package app.truenorth.cli;

import app.truenorth.health.rules.LintOutput;
import app.truenorth.health.rules.RoadmapFile;
import app.truenorth.health.rules.RoadmapFileException;
import app.truenorth.health.rules.RoadmapYaml;
import app.truenorth.roadmap.render.RoadmapFormat;
import app.truenorth.views.Audience;
import app.truenorth.views.AudienceView;
import app.truenorth.views.AudienceViews;
import app.truenorth.views.ExportFormat;
import app.truenorth.views.Preset;
import app.truenorth.views.ViewExports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code truenorth render roadmap.yaml --format timeline --audience customer -o out.svg}: a roadmap-as-code
 * file drawn for one audience, offline. It runs the server's own code with no Spring, database or web
 * server: the file is read by the linter's reader, redacted by {@link AudienceViews} under the audience's
 * default {@link Preset} (exactly what a new roadmap's share link shows), and written by {@link ViewExports}.
 * Exit codes: 0 written; 1 the output could not be written; 2 the roadmap file is unreadable or invalid
 * (the same line-numbered messages as {@code lint}), or an option is (an unknown value, a format the
 * audience has no view of, a binary type for standard output).
 */
@Command(name = "render", sortOptions = false,
        description = {"Render a roadmap.yaml file for one audience, offline: the same audience presets and redaction as the server's "
                + "share links and exports (a customer render never holds internal initiatives, teams, owners, notes or exact dates).",
                ""},
        footer = {"", "Formats (--format) and the types each is drawn as:",
                "  timeline  svg, png; pdf (the picture, then a list by quarter); md (the list)",
                "  horizon   pdf, md: Now / Next / Later",
                "  theme     pdf, md: initiatives under their themes",
                "  goal      pdf, md: under the objectives they serve (executive, engineering)",
                "  kanban    pdf, md: in columns by stage (executive, engineering, sales)",
                "  csv, json: the audience's data, whatever the format.",
                "Sales and customers do not see objectives, so they have no goal format;",
                "customers do not see stages either, so they have no kanban format.",
                "", "Exit codes: 0 written; 1 the output could not be written; 2 the roadmap",
                "  file is unreadable or invalid (line-numbered messages, as with lint), or",
                "  an option is not valid.",
                "", "Examples:",
                "  truenorth render roadmap.yaml --audience customer -o roadmap.svg",
                "  truenorth render roadmap.yaml --format horizon --audience executive -o b.pdf",
                "  truenorth render roadmap.yaml --format theme --audience sales > sales.md"})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The roadmap file (see docs/roadmap-as-code.md).")
    Path file;

    @Option(names = "--format", defaultValue = "timeline", paramLabel = "FORMAT",
            description = "timeline, horizon, theme, goal or kanban. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--audience", required = true, paramLabel = "AUDIENCE",
            description = "executive, engineering, sales or customer: who will read it. Required, so nothing internal is shared by accident.")
    String audience;

    @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "FILE",
            description = "Where to write; the file name's ending picks the type: svg, png, pdf, md, csv or json. "
                    + "- (the default) writes Markdown, SVG, CSV or JSON to standard output.")
    String output;

    @Option(names = "--output-format", paramLabel = "TYPE",
            description = "svg, png, pdf, md, csv or json, when -o does not end in one (or is -).")
    String outputFormat;

    @Option(names = "--today", hidden = true, description = "Render as of this date (YYYY-MM-DD), for reproducible files.")
    LocalDate today;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<RoadmapFormat> layout = RoadmapFormat.parse(format);
        if (layout.isEmpty()) {
            return usage("--format must be one of " + RoadmapFormat.names() + ", not “" + format + "”");
        }
        Optional<Audience> who = Audience.parse(audience);
        if (who.isEmpty()) {
            return usage("--audience must be one of " + Arrays.stream(Audience.values()).map(Audience::slug)
                    .collect(Collectors.joining(", ")) + ", not “" + audience + "”");
        }
        boolean toStdout = output.equals("-");
        ExportFormat type;
        try {
            type = outputType(toStdout);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (toStdout && (type == ExportFormat.PDF || type == ExportFormat.PNG)) {
            return usage(type.name() + " is binary: write it to a file, e.g. -o roadmap." + type.extension());
        }

        RoadmapFile roadmap;
        try {
            roadmap = RoadmapYaml.read(file);
        } catch (RoadmapFileException e) {
            err.print(LintOutput.invalid(LintOutput.Format.TEXT, file.toString(), e.problems()));
            err.flush();
            return 2;
        }
        AudienceView view = AudienceViews.build(roadmap.roadmap(), Preset.defaults(who.get()), today != null ? today : LocalDate.now());
        Optional<String> unsupported = ViewExports.unsupported(view, layout.get(), type);
        if (unsupported.isPresent()) {
            return usage(unsupported.get());
        }
        byte[] bytes = new ViewExports().export(view, layout.get(), type);

        if (toStdout) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
        Path target = Path.of(output);
        try {
            write(target, bytes);
        } catch (IOException e) {
            err.println("error: cannot write " + output + " (" + reason(e) + ")");
            return 1;
        }
        spec.commandLine().getOut().println("Wrote " + output + ": " + view.title() + ", " + layout.get().slug() + ", "
                + view.items().size() + " initiative" + (view.items().size() == 1 ? "" : "s") + " (" + bytes.length + " bytes)");
        return 0;
    }

    /** The type from -o's ending, or from --output-format; when both are given they must agree. */
    private ExportFormat outputType(boolean toStdout) {
        Optional<ExportFormat> named = outputFormat == null ? Optional.empty() : type(outputFormat);
        if (outputFormat != null) {
            if (named.isEmpty()) {
                throw new IllegalArgumentException("--output-format must be one of " + types() + ", not “" + outputFormat + "”");
            }
        }
        if (toStdout) {
            return named.orElse(ExportFormat.MARKDOWN);
        }
        String name = Path.of(output).getFileName() == null ? output : Path.of(output).getFileName().toString();
        int dot = name.lastIndexOf('.');
        Optional<ExportFormat> fromName = dot > 0 ? type(name.substring(dot + 1)) : Optional.empty();
        if (fromName.isPresent() && named.isPresent() && fromName.get() != named.get()) {
            throw new IllegalArgumentException("-o " + output + " ends in ." + name.substring(dot + 1) + " but --output-format is "
                    + outputFormat + ": give one or make them agree");
        }
        return fromName.or(() -> named).orElseThrow(() -> new IllegalArgumentException("cannot tell the output type from “" + output
                + "”: end the file name in ." + types().replace(", ", ", .") + ", or add --output-format"));
    }

    private static Optional<ExportFormat> type(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return ExportFormat.byExtension(n.equals("markdown") ? "md" : n);
    }

    private static String types() {
        return Arrays.stream(ExportFormat.values()).map(ExportFormat::extension).collect(Collectors.joining(", "));
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    /**
     * Written next to the target and moved into place, so a failed render never leaves half a file. Not
     * through createTempFile: that makes the file readable by its owner only, and a render is for sharing.
     */
    private static void write(Path target, byte[] bytes) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("it is a folder");
        }
        Path temp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
