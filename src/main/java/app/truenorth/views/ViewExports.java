package app.truenorth.views;

import app.truenorth.platform.html.Templates;
import app.truenorth.platform.pdf.PdfDocuments;
import app.truenorth.views.AudienceView.DecisionView;
import app.truenorth.views.AudienceView.DependencyView;
import app.truenorth.views.AudienceView.ItemView;
import app.truenorth.views.AudienceView.ObjectiveView;
import app.truenorth.views.AudienceView.RiskView;
import app.truenorth.views.AudienceView.ThemeView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.render.RoadmapFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link AudienceView} in every export format, laid out as any of the roadmap's formats. Each
 * format reads the view model only, so an export can never hold more than the audience's page does.
 * Plain Java with no Spring: the server's pages, share links and API use it as a bean (see
 * {@code ViewsConfig}), and the offline {@code truenorth render} command creates its own.
 */
public final class ViewExports {

    private final JsonMapper json;
    private final String timelineCss;

    /** With Jackson's default settings, as the command line uses it. */
    public ViewExports() {
        this(JsonMapper.builder().build());
    }

    /** With the application's JSON mapper, as the server uses it. */
    public ViewExports(JsonMapper json) {
        this.json = json;
        this.timelineCss = timelineCss();
    }

    /** The server's exports: the timeline as a picture, the Now / Next / Later board as a document. */
    public byte[] export(AudienceView view, ExportFormat format) {
        return export(view, format == ExportFormat.SVG || format == ExportFormat.PNG ? RoadmapFormat.TIMELINE : RoadmapFormat.HORIZON,
                format);
    }

    /**
     * The view in one of the roadmap's formats. CSV and JSON hold the view's data whatever the format.
     *
     * @throws IllegalArgumentException when {@link #unsupported} says why this cannot be drawn
     */
    public byte[] export(AudienceView view, RoadmapFormat layout, ExportFormat format) {
        unsupported(view, layout, format).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return switch (format) {
            case MARKDOWN -> markdown(view, layout).getBytes(StandardCharsets.UTF_8);
            case CSV -> csv(view).getBytes(StandardCharsets.UTF_8);
            case JSON -> json.writeValueAsBytes(view);
            case PDF -> pdf(view, layout);
            case SVG -> svg(view).getBytes(StandardCharsets.UTF_8);
            case PNG -> png(view);
        };
    }

    /**
     * Why this view cannot be shown in this format and file type, or empty when it can. A format that
     * groups by something the audience may not see (objectives, stages) does not exist for it: grouping
     * by a hidden field would reveal it.
     */
    public static Optional<String> unsupported(AudienceView view, RoadmapFormat layout, ExportFormat format) {
        if ((format == ExportFormat.SVG || format == ExportFormat.PNG) && layout != RoadmapFormat.TIMELINE) {
            return Optional.of(format.name() + " draws the timeline only: render the " + layout.slug()
                    + " format as Markdown or PDF, or choose the timeline format");
        }
        ViewField needs = groupedBy(layout);
        if (!supports(view, layout)) {
            String available = Arrays.stream(RoadmapFormat.values()).filter(f -> supports(view, f)).map(RoadmapFormat::slug)
                    .collect(Collectors.joining(", "));
            return Optional.of("the " + view.audience().slug() + " view does not show " + needs.label().toLowerCase()
                    + ", so there is no " + layout.slug() + " format for it; choose " + available);
        }
        return Optional.empty();
    }

    private static boolean supports(AudienceView view, RoadmapFormat layout) {
        ViewField needs = groupedBy(layout);
        return needs == null || view.shows(needs.name());
    }

    /** The field a format groups initiatives by, when it is one a preset may hide. */
    private static ViewField groupedBy(RoadmapFormat layout) {
        return switch (layout) {
            case THEME -> ViewField.THEMES;
            case GOAL -> ViewField.OBJECTIVES;
            case KANBAN -> ViewField.STAGE;
            case TIMELINE, HORIZON -> null;
        };
    }

    public String fileName(AudienceView view, ExportFormat format) {
        String product = view.productName().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (product.isEmpty() ? "roadmap" : product) + "-" + view.audience().slug() + "-" + view.asOf() + "." + format.extension();
    }

    // ---- Grouping -----------------------------------------------------------------------------------

    /** A group of initiatives under a heading: a horizon, a quarter, a theme, an objective or a stage. */
    public record Section(String heading, String note, List<ItemView> items) {
    }

    static String title(AudienceView v, RoadmapFormat layout) {
        return layout == RoadmapFormat.HORIZON ? v.title() : v.title() + " · " + layout.label();
    }

    static String sectionsHeading(RoadmapFormat layout) {
        return switch (layout) {
            case HORIZON -> "Initiatives";
            case TIMELINE -> "Timeline";
            case THEME -> "Initiatives by theme";
            case GOAL -> "Initiatives by goal";
            case KANBAN -> "Initiatives by stage";
        };
    }

    /**
     * The view's initiatives grouped the way the format reads. Every group only re-orders what the view
     * holds: a grouping never adds a field the audience may not see ({@link #unsupported} refuses those).
     * Goals and stages keep their empty groups (nothing serves this objective yet; an empty column).
     */
    static List<Section> sections(AudienceView v, RoadmapFormat layout) {
        List<Section> sections = new ArrayList<>();
        switch (layout) {
            case HORIZON -> byHorizon(v.items(), "", sections);
            case TIMELINE -> {
                // the dated ones by quarter at the view's precision, then what has no date yet by horizon
                List<ItemView> dated = v.items().stream().filter(i -> i.quarter() != null)
                        .sorted(Comparator.comparing(ItemView::quarter)
                                .thenComparing(i -> i.start() == null ? i.quarter().start() : i.start()))
                        .toList();
                Quarter current = null;
                for (ItemView i : dated) {
                    if (!i.quarter().equals(current)) {
                        current = i.quarter();
                        sections.add(new Section(current.toString(), null, new ArrayList<>()));
                    }
                    sections.getLast().items().add(i);
                }
                boolean anyDated = !sections.isEmpty();
                byHorizon(v.items().stream().filter(i -> i.quarter() == null).toList(), anyDated ? " · no date yet" : "", sections);
            }
            case THEME -> {
                for (ThemeView t : v.themes()) {
                    sections.add(new Section(t.name(), t.description() == null || t.description().isBlank() ? null : t.description(),
                            v.items().stream().filter(i -> Integer.valueOf(t.ref()).equals(i.themeRef())).toList()));
                }
                List<ItemView> none = v.items().stream().filter(i -> i.themeRef() == null).toList();
                if (!none.isEmpty()) {
                    sections.add(new Section("No theme", null, none));
                }
            }
            case GOAL -> {
                for (ObjectiveView o : v.objectives()) {
                    sections.add(new Section(o.title(), o.progress() + " (" + o.share() + ")",
                            v.items().stream().filter(i -> i.objectives().contains(o.title())).toList()));
                }
                List<ItemView> none = v.items().stream().filter(i -> i.objectives().isEmpty()).toList();
                if (!none.isEmpty()) {
                    sections.add(new Section("Serves no objective", null, none));
                }
            }
            case KANBAN -> {
                for (Stage stage : Stage.values()) {
                    sections.add(new Section(stage.label(), null, v.items().stream().filter(i -> i.stage() == stage).toList()));
                }
            }
        }
        return sections;
    }

    private static void byHorizon(List<ItemView> items, String suffix, List<Section> sections) {
        for (Horizon h : Horizon.values()) {
            List<ItemView> in = items.stream().filter(i -> i.horizon() == h).toList();
            if (!in.isEmpty()) {
                sections.add(new Section(h.label() + suffix, null, in));
            }
        }
    }

    // ---- Markdown ---------------------------------------------------------------------------------

    /** The Now / Next / Later layout the server exports. */
    public String markdown(AudienceView v) {
        return markdown(v, RoadmapFormat.HORIZON);
    }

    public String markdown(AudienceView v, RoadmapFormat layout) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(mdEsc(title(v, layout))).append("\n\n_As of ").append(v.asOf()).append("._\n");
        if (!v.themes().isEmpty() && layout != RoadmapFormat.THEME) {
            md.append("\n## Themes\n\n");
            for (ThemeView t : v.themes()) {
                md.append("- **").append(mdEsc(t.name())).append("**");
                if (t.description() != null && !t.description().isBlank()) {
                    md.append(": ").append(mdEsc(t.description()));
                }
                md.append('\n');
            }
        }
        if (!v.objectives().isEmpty() && layout != RoadmapFormat.GOAL) {
            md.append("\n## Objectives\n\n");
            for (ObjectiveView o : v.objectives()) {
                md.append("- **").append(mdEsc(o.title())).append("**: ").append(mdEsc(o.progress())).append(" (").append(o.share())
                        .append(")\n");
            }
        }
        md.append("\n## ").append(sectionsHeading(layout)).append('\n');
        if (!v.items().isEmpty()) {
            for (Section section : sections(v, layout)) {
                md.append("\n### ").append(mdEsc(section.heading())).append("\n\n");
                if (section.note() != null) {
                    md.append(mdEsc(section.note())).append("\n\n");
                }
                if (section.items().isEmpty()) {
                    md.append("Nothing here yet.\n");
                }
                section.items().forEach(i -> mdItem(md, i));
            }
        }
        if (v.items().isEmpty()) {
            md.append("\nNothing to show yet.\n");
        }
        if (!v.dependencies().isEmpty()) {
            md.append("\n## Dependencies\n\n");
            for (DependencyView d : v.dependencies()) {
                md.append("- ").append(mdEsc(d.dependent())).append(" needs ").append(mdEsc(d.required()));
                if (d.note() != null) {
                    md.append(" (").append(mdEsc(d.note())).append(')');
                }
                md.append('\n');
            }
        }
        if (!v.decisions().isEmpty()) {
            md.append("\n## ").append(v.decisionsHeading()).append("\n\n");
            for (DecisionView d : v.decisions()) {
                md.append("- **").append(mdEsc(d.title())).append("**");
                if (d.decided() != null) {
                    md.append(" · ").append(d.decided());
                }
                if (d.decidedBy() != null) {
                    md.append(" · decided by ").append(mdEsc(d.decidedBy()));
                }
                if (d.key() && !v.decisionsHeading().startsWith("Key")) {
                    md.append(" · key");
                }
                md.append('\n');
                if (!d.rationale().isBlank()) {
                    md.append("  ").append(mdEsc(d.rationale().strip()).replace("\n", "\n  ")).append('\n');
                }
                if (!d.concerns().isEmpty()) {
                    md.append("  Concerns: ").append(mdEsc(String.join(", ", d.concerns()))).append('\n');
                }
            }
        }
        if (!v.risks().isEmpty()) {
            md.append("\n## Risks\n\n");
            for (RiskView r : v.risks()) {
                md.append("- **").append(mdEsc(r.title())).append("** (").append(r.level()).append(", exposure ").append(r.exposure())
                        .append(")");
                if (r.initiative() != null) {
                    md.append(" · ").append(mdEsc(r.initiative()));
                }
                if (r.owner() != null) {
                    md.append(" · owner ").append(mdEsc(r.owner()));
                }
                if (r.mitigation() != null) {
                    md.append(" · mitigation: ").append(mdEsc(r.mitigation()));
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static void mdItem(StringBuilder md, ItemView i) {
        md.append("- **").append(mdEsc(i.title())).append("** · ").append(mdEsc(i.when()));
        if (i.theme() != null) {
            md.append(" · ").append(mdEsc(i.theme()));
        }
        if (i.stage() != null) {
            md.append(" · ").append(i.stageLabel());
        }
        if (i.team() != null) {
            md.append(" · team ").append(mdEsc(i.team()));
        }
        if (i.effort() != null) {
            md.append(" · effort ").append(mdEsc(i.effort())).append(", ").append(i.confidence()).append(" % confidence");
        }
        md.append('\n');
        if (i.description() != null) {
            md.append("  ").append(mdEsc(i.description()).replace("\n", "\n  ")).append('\n');
        }
        if (!i.objectives().isEmpty()) {
            md.append("  Serves: ").append(mdEsc(String.join(", ", i.objectives()))).append('\n');
        }
    }

    private static String mdEsc(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("[", "\\[")
                .replace("<", "&lt;");
    }

    // ---- CSV --------------------------------------------------------------------------------------

    /** One row per initiative; columns only for the fields this audience sees. */
    public String csv(AudienceView v) {
        List<String> header = new java.util.ArrayList<>(List.of("Title", "Horizon", "When"));
        if (v.shows("THEMES")) {
            header.add("Theme");
        }
        if (v.shows("STAGE")) {
            header.add("Stage");
        }
        if (v.shows("TEAM")) {
            header.add("Team");
        }
        if (v.shows("EFFORT")) {
            header.add("Effort");
            header.add("Confidence");
        }
        if (v.shows("OBJECTIVES")) {
            header.add("Objectives");
        }
        if (v.shows("DESCRIPTION")) {
            header.add("Description");
        }
        StringBuilder csv = new StringBuilder(row(header));
        for (ItemView i : v.items()) {
            List<String> cells = new java.util.ArrayList<>(List.of(i.title(), i.horizonLabel(), i.when()));
            if (v.shows("THEMES")) {
                cells.add(i.theme());
            }
            if (v.shows("STAGE")) {
                cells.add(i.stageLabel());
            }
            if (v.shows("TEAM")) {
                cells.add(i.team());
            }
            if (v.shows("EFFORT")) {
                cells.add(i.effort());
                cells.add(i.confidence() == null ? null : i.confidence().toString());
            }
            if (v.shows("OBJECTIVES")) {
                cells.add(String.join("; ", i.objectives()));
            }
            if (v.shows("DESCRIPTION")) {
                cells.add(i.description());
            }
            csv.append(row(cells));
        }
        if (!v.decisions().isEmpty()) {
            // the decisions follow as a second table after an empty line, with only the columns this audience sees
            List<String> head = new java.util.ArrayList<>(List.of("Decision", "Rationale"));
            boolean dated = v.decisions().stream().anyMatch(d -> d.decided() != null);
            boolean by = v.decisions().stream().anyMatch(d -> d.decidedBy() != null);
            if (dated) {
                head.add("Decided");
            }
            if (by) {
                head.add("Decided by");
            }
            head.add("Key");
            head.add("Concerns");
            csv.append("\r\n").append(row(head));
            for (DecisionView d : v.decisions()) {
                List<String> cells = new java.util.ArrayList<>(List.of(d.title(), d.rationale()));
                if (dated) {
                    cells.add(d.decided());
                }
                if (by) {
                    cells.add(d.decidedBy());
                }
                cells.add(d.key() ? "yes" : "no");
                cells.add(String.join("; ", d.concerns()));
                csv.append(row(cells));
            }
        }
        return csv.toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(ViewExports::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        // a leading formula character would run in a spreadsheet: quote it as text
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    // ---- SVG and PNG ------------------------------------------------------------------------------

    /** The timeline as a standalone SVG: the roadmap's own drawing with its stylesheet inside. */
    public String svg(AudienceView v) {
        String svg = v.timelineSvg();
        int open = svg.indexOf('>');
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.substring(0, open + 1) + "<style>" + timelineCss + "</style>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>" + svg.substring(open + 1);
    }

    public byte[] png(AudienceView v) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PNGTranscoder transcoder = new PNGTranscoder();
            transcoder.addTranscodingHint(PNGTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
            transcoder.transcode(new TranscoderInput(new StringReader(svg(v))), new TranscoderOutput(out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranscoderException e) {
            throw new IllegalStateException("The timeline could not be drawn as PNG", e);
        }
    }

    /** The timeline rules of the roadmap's stylesheet, so exports look like the page without copying them. */
    private static String timelineCss() {
        try (InputStream in = ViewExports.class.getResourceAsStream("/static/css/roadmap.css")) {
            if (in == null) {
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(".tl-") || l.startsWith("svg.timeline"))
                    .map(l -> l.replace("var(--font)", "'DejaVu Sans', Arial, sans-serif"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- PDF --------------------------------------------------------------------------------------

    /** The Now / Next / Later layout the server exports. */
    public byte[] pdf(AudienceView v) {
        return pdf(v, RoadmapFormat.HORIZON);
    }

    public byte[] pdf(AudienceView v, RoadmapFormat layout) {
        return PdfDocuments.render(html(v, layout));
    }

    String html(AudienceView v) {
        return html(v, RoadmapFormat.HORIZON);
    }

    /**
     * The printable page as an XHTML document, from the template {@code views/print.jte}: the one-pager
     * layout, sections only where the view has content.
     */
    String html(AudienceView v, RoadmapFormat layout) {
        String timeline = v.items().isEmpty() ? null : svg(v).replaceFirst("<\\?xml[^>]*>\\s*", "");
        return Templates.xhtml("views/print.jte", Map.of("doc", new ViewDocument(v, layout, timeline)));
    }
}
