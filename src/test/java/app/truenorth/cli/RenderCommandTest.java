package app.truenorth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code truenorth render}, run in-process as a plain JUnit test: no Spring context, no database, no
 * server. Every audience in every output type and format it has, over a roadmap with internal things
 * planted in it; each produced file is read back (PDF text through PDFBox) and must hold none of what
 * its audience may not see.
 */
class RenderCommandTest {

    static final Path PLANTED = Path.of("src/test/resources/app/truenorth/cli/planted-roadmap.yaml");
    static final String TODAY = "2030-11-20";

    static final String PUBLIC_ITEM = "Public Partner API";
    /** Every internal thing planted in the file; engineering sees all of them. */
    static final List<String> INTERNALS = List.of("Project Nightjar", "Kestrel", "Zircon", "Falconcrest", "Quillon", "Mirabel",
            "MITIGATION-pay-retention-bonus", "Tamarind", "2031-01-13", "2031-02-20", "2031-04-07", "2031-05-29",
            "DECISION-Osprey", "RATIONALE-Osprey", "Decider Wrenfield", "2030-10-02");

    /** What each audience must never receive, in any format (the server's presets, as docs/views.md says). */
    static final Map<String, List<String>> FORBIDDEN = Map.of(
            // only external initiatives, no internal names, teams, owners, notes, objectives; not even quarters
            "customer", List.of("Nightjar", "Kestrel", "INTERNAL-NOTE", "Zircon", "Falconcrest", "Quillon", "Mirabel", "MITIGATION",
                    "Tamarind", "OBJECTIVE", "2031-01-13", "2031-02-20", "2031-04-07", "2031-05-29", "2031-Q1", "2031-Q2", "person-weeks",
                    "Osprey", "Wrenfield", "2030-10-02", "2030-09-15"),
            "sales", List.of("Nightjar", "Kestrel", "INTERNAL-NOTE", "Zircon", "Falconcrest", "Quillon", "Mirabel", "MITIGATION",
                    "Tamarind", "2031-01-13", "2031-02-20", "2031-04-07", "2031-05-29", "person-weeks",
                    "Osprey", "Wrenfield", "2030-10-02", "2030-09-15"),
            // the one-pager names the internal bet and its risk owner, but no descriptions, teams or exact dates
            "executive", List.of("Kestrel", "INTERNAL-NOTE", "Falconcrest", "2031-01-13", "2031-02-20", "2031-04-07", "2031-05-29",
                    "person-weeks", "2030-10-02", "2030-09-15"),
            "engineering", List.of());

    static final Map<String, List<String>> FORMATS = Map.of(
            "executive", List.of("timeline", "horizon", "theme", "goal", "kanban"),
            "engineering", List.of("timeline", "horizon", "theme", "goal", "kanban"),
            "sales", List.of("timeline", "horizon", "theme", "kanban"),
            "customer", List.of("timeline", "horizon", "theme"));

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    static CliRun render(String... more) {
        List<String> args = new ArrayList<>(List.of("render", PLANTED.toString(), "--today", TODAY));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** Every audience × every output type × every format the audience has for it. */
    static Stream<Arguments> everyRender() {
        List<Arguments> all = new ArrayList<>();
        for (String audience : List.of("executive", "engineering", "sales", "customer")) {
            for (String type : List.of("svg", "png", "csv", "json")) {
                all.add(Arguments.of(audience, "timeline", type));
            }
            for (String format : FORMATS.get(audience)) {
                all.add(Arguments.of(audience, format, "md"));
                all.add(Arguments.of(audience, format, "pdf"));
            }
        }
        return all.stream();
    }

    /** The text a person or a machine can read out of the file. */
    static String text(Path file, String type) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        return switch (type) {
            case "pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    yield new PDFTextStripper().getText(pdf);
                }
            }
            case "png" -> {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(image).as("a PNG image").isNotNull();
                assertThat(image.getWidth()).isEqualTo(1160);
                yield ""; // pixels: drawn from exactly the SVG checked in its own case
            }
            default -> new String(bytes, StandardCharsets.UTF_8);
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("everyRender")
    void everyAudienceInEveryTypeHoldsNothingItMayNotSee(String audience, String format, String type) throws Exception {
        Path file = dir.resolve(audience + "-" + format + "." + type);
        var result = render("--format", format, "--audience", audience, "-o", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Wrote " + file);
        String text = text(file, type);
        for (String secret : FORBIDDEN.get(audience)) {
            assertThat(text).as("%s %s %s must not contain %s", audience, format, type, secret).doesNotContain(secret);
        }
        if (!type.equals("png")) {
            assertThat(text).contains(PUBLIC_ITEM);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "pdf", "svg"})
    void theFixtureReallyPlantsItsInternalsEngineeringSeesThem(String type) throws Exception {
        // the control for the test above: the same reading finds every planted thing where it is allowed
        Path file = dir.resolve("engineering." + type);
        var result = render("--format", type.equals("svg") ? "timeline" : "horizon", "--audience", "engineering", "-o", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        String text = text(file, type);
        List<String> expected = type.equals("svg") ? List.of("Project Nightjar", "Zircon", "2031-01-13", "2031-04-07") : INTERNALS;
        expected.forEach(s -> assertThat(text).as(type).contains(s));
    }

    @Test
    void theFilesDecisionsReachEachAudienceByItsPreset() throws Exception {
        var executive = render("--format", "horizon", "--audience", "executive", "-o", "-", "--output-format", "md");
        assertThat(executive.code()).as(executive.err()).isZero();
        assertThat(executive.out()).contains("DECISION-Osprey").contains("Open the partner API to every customer");
        var sales = render("--format", "horizon", "--audience", "sales", "-o", "-", "--output-format", "md");
        assertThat(sales.out()).contains("Open the partner API to every customer").doesNotContain("Osprey");
        var customer = render("--format", "horizon", "--audience", "customer", "-o", "-", "--output-format", "md");
        assertThat(customer.out()).doesNotContain("Open the partner API to every customer").doesNotContain("Osprey");
    }

    @Test
    void theCustomerTimelineShowsExternalInitiativesInTheirHorizonsOnly() throws Exception {
        var result = render("--audience", "customer", "-o", "-", "--output-format", "svg");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("<?xml").contains("<svg").contains(PUBLIC_ITEM).contains("Route sharing for customers")
                .contains("Open platform").doesNotContain("class=\"tl-bar stage-") // the stage is hidden from customers: not drawn
                .contains("no date (shown across its horizon)");
    }

    @Test
    void eachFormatGroupsTheInitiativesItsOwnWay() {
        assertThat(render("--format", "timeline", "--audience", "sales").out())
                .contains("## Timeline").containsSubsequence("### 2031-Q1", PUBLIC_ITEM, "### Later", "Route sharing for customers");
        assertThat(render("--format", "horizon", "--audience", "customer").out())
                .contains("## Initiatives").containsSubsequence("### Now", PUBLIC_ITEM, "### Later", "Route sharing for customers");
        assertThat(render("--format", "theme", "--audience", "engineering").out())
                .containsSubsequence("## Initiatives by theme", "### Open platform", "Let others build on us", PUBLIC_ITEM,
                        "### Zircon secret theme", "Project Nightjar");
        assertThat(render("--format", "goal", "--audience", "engineering").out())
                .containsSubsequence("## Initiatives by goal", "### Cut churn OBJECTIVE-Tamarind", "from 8 % to 5 %", PUBLIC_ITEM,
                        "Project Nightjar", "### Serves no objective", "Route sharing for customers");
        assertThat(render("--format", "kanban", "--audience", "sales").out())
                .containsSubsequence("## Initiatives by stage", "### Idea", "Route sharing for customers", "### Discovery",
                        "Nothing here yet.", "### Building", PUBLIC_ITEM);
    }

    @Test
    void standardOutputHoldsExactlyTheDocument() throws Exception {
        Path file = dir.resolve("customer.md");
        assertThat(render("--format", "theme", "--audience", "customer", "-o", file.toString()).code()).isZero();
        var stdout = render("--format", "theme", "--audience", "customer", "-o", "-");
        assertThat(stdout.code()).isZero();
        assertThat(stdout.out()).isEqualTo(Files.readString(file));
        assertThat(stdout.err()).isEmpty();
        // without -o the same: Markdown on standard output
        assertThat(render("--format", "theme", "--audience", "customer").out()).isEqualTo(stdout.out());
    }

    @Test
    void aFormatThatWouldGroupByWhatTheAudienceMayNotSeeIsRefused() {
        var goal = render("--format", "goal", "--audience", "customer", "-o", dir.resolve("goal.md").toString());
        assertThat(goal.code()).isEqualTo(2);
        assertThat(goal.err()).contains("customer view does not show objectives with progress, so there is no goal format for it")
                .contains("choose timeline, horizon, theme");
        var kanban = render("--format", "kanban", "--audience", "customer", "-o", dir.resolve("kanban.pdf").toString());
        assertThat(kanban.code()).isEqualTo(2);
        assertThat(kanban.err()).contains("does not show stage");
        assertThat(render("--format", "goal", "--audience", "sales").code()).isEqualTo(2);
        assertThat(dir.resolve("goal.md")).doesNotExist();
        assertThat(dir.resolve("kanban.pdf")).doesNotExist();

        var picture = render("--format", "horizon", "--audience", "engineering", "-o", dir.resolve("board.svg").toString());
        assertThat(picture.code()).isEqualTo(2);
        assertThat(picture.err()).contains("SVG draws the timeline only");
    }

    @Test
    void anInvalidFileGetsTheLintersLineNumberedMessagesAndExitCodeTwo() throws Exception {
        Path file = dir.resolve("roadmap.yaml");
        Files.writeString(file, """
                version: 1
                product: Broken
                initiatives:
                  - key: one
                    title: One
                    horizon: soon
                """);
        Path out = dir.resolve("out.svg");
        var render = run("render", file.toString(), "--audience", "customer", "-o", out.toString());
        var lint = run("lint", file.toString());
        assertThat(render.code()).isEqualTo(2).isEqualTo(lint.code());
        assertThat(render.err()).isEqualTo(lint.out()).contains(file + ":6: invalid: /initiatives/0/horizon");
        assertThat(render.out()).isEmpty();
        assertThat(out).doesNotExist();

        Files.writeString(file, "version: 1\nproduct: [unclosed\n");
        var yaml = run("render", file.toString(), "--audience", "customer");
        assertThat(yaml.code()).isEqualTo(2);
        assertThat(yaml.err()).contains(file + ":").contains("not valid YAML");

        var missing = run("render", dir.resolve("nowhere.yaml").toString(), "--audience", "customer");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.yaml:1: invalid: cannot be read (no such file)");
    }

    @Test
    void unknownValuesAreNamedWithTheValidOnes() {
        var format = render("--format", "gantt", "--audience", "customer");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format must be one of timeline, horizon, theme, goal, kanban, not “gantt”");

        var audience = render("--audience", "investors");
        assertThat(audience.code()).isEqualTo(2);
        assertThat(audience.err()).contains("--audience must be one of executive, engineering, sales, customer, not “investors”");

        var extension = render("--audience", "customer", "-o", dir.resolve("out.docx").toString());
        assertThat(extension.code()).isEqualTo(2);
        assertThat(extension.err()).contains("cannot tell the output type").contains(".md, .csv, .json, .pdf, .svg, .png")
                .contains("--output-format");

        var type = render("--audience", "customer", "--output-format", "tiff");
        assertThat(type.code()).isEqualTo(2);
        assertThat(type.err()).contains("--output-format must be one of md, csv, json, pdf, svg, png, not “tiff”");

        var missing = render();
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--audience=AUDIENCE'");
    }

    @Test
    void outputTypeComesFromTheFileNameOrTheOption() throws Exception {
        Path noEnding = dir.resolve("roadmap-for-customers");
        var named = render("--audience", "customer", "-o", noEnding.toString(), "--output-format", "svg");
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(Files.readString(noEnding)).startsWith("<?xml");

        var disagree = render("--audience", "customer", "-o", dir.resolve("x.svg").toString(), "--output-format", "pdf");
        assertThat(disagree.code()).isEqualTo(2);
        assertThat(disagree.err()).contains("ends in .svg but --output-format is pdf");

        var binary = render("--audience", "customer", "-o", "-", "--output-format", "pdf");
        assertThat(binary.code()).isEqualTo(2);
        assertThat(binary.err()).contains("PDF is binary: write it to a file");
        assertThat(binary.out()).isEmpty();
    }

    @Test
    void aRenderedFileIsReadableLikeAnyOtherAndReplacesAnOlderOne() throws Exception {
        Path file = dir.resolve("roadmap.md");
        Files.writeString(file, "an older render");
        Path other = Files.writeString(dir.resolve("other.txt"), "written the ordinary way");
        assertThat(render("--audience", "customer", "-o", file.toString()).code()).isZero();
        assertThat(Files.readString(file)).startsWith("# Planted Fleet roadmap");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(other));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(file, other); // no temporary file left beside it
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsExitCodeOneAndLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("no-such-folder").resolve("out.pdf");
        var result = render("--audience", "customer", "-o", target.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("cannot write " + target + " (no such directory)");
        assertThat(target).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void helpNamesTheFormatsAudiencesTypesAndExitCodes() {
        var help = run("render", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("timeline, horizon, theme, goal or kanban").contains("executive, engineering, sales or customer")
                .contains("svg, png, pdf, md, csv or json").contains("Exit codes: 0 written; 1 the output could not be written; 2")
                .contains("file is unreadable or invalid");
        assertThat(run("--help").out()).contains("render");
    }

    @Test
    void renderIsACommandSoTheJarStartsNoServer() {
        assertThat(Cli.handles(new String[] {"render", "roadmap.yaml"})).isTrue();
    }
}
