package app.truenorth.views;

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
import java.util.List;
import java.util.stream.Collectors;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link AudienceView} in every export format. Each format reads the view model only, so an
 * export can never hold more than the audience's page does.
 */
@Component
public class ViewExports {

    private final JsonMapper json;
    private final String timelineCss;

    ViewExports(JsonMapper json) {
        this.json = json;
        this.timelineCss = timelineCss();
    }

    public byte[] export(AudienceView view, ExportFormat format) {
        return switch (format) {
            case MARKDOWN -> markdown(view).getBytes(StandardCharsets.UTF_8);
            case CSV -> csv(view).getBytes(StandardCharsets.UTF_8);
            case JSON -> json.writeValueAsBytes(view);
            case PDF -> pdf(view);
            case SVG -> svg(view).getBytes(StandardCharsets.UTF_8);
            case PNG -> png(view);
        };
    }

    public String fileName(AudienceView view, ExportFormat format) {
        String product = view.productName().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (product.isEmpty() ? "roadmap" : product) + "-" + view.audience().slug() + "-" + view.asOf() + "." + format.extension();
    }

    // ---- Markdown ---------------------------------------------------------------------------------

    public String markdown(AudienceView v) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(v.title()).append("\n\n_As of ").append(v.asOf()).append("._\n");
        if (!v.themes().isEmpty()) {
            md.append("\n## Themes\n\n");
            for (ThemeView t : v.themes()) {
                md.append("- **").append(mdEsc(t.name())).append("**");
                if (t.description() != null && !t.description().isBlank()) {
                    md.append(": ").append(mdEsc(t.description()));
                }
                md.append('\n');
            }
        }
        if (!v.objectives().isEmpty()) {
            md.append("\n## Objectives\n\n");
            for (ObjectiveView o : v.objectives()) {
                md.append("- **").append(mdEsc(o.title())).append("**: ").append(mdEsc(o.progress())).append(" (").append(o.share())
                        .append(")\n");
            }
        }
        md.append("\n## Initiatives\n");
        for (var h : app.truenorth.roadmap.domain.Horizon.values()) {
            List<ItemView> in = v.items().stream().filter(i -> i.horizon() == h).toList();
            if (in.isEmpty()) {
                continue;
            }
            md.append("\n### ").append(h.label()).append("\n\n");
            for (ItemView i : in) {
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

    private static final String PDF_CSS = """
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #1c2033; }
            h1 { font-size: 16pt; margin: 0 0 2mm 0; } h2 { font-size: 11pt; margin: 4mm 0 1.5mm 0; color: #2331a3; }
            .muted { color: #5a6072; } table { width: 100%; border-collapse: collapse; }
            th, td { text-align: left; padding: 1mm 1.5mm; border-bottom: 0.5pt solid #dfe2ec; vertical-align: top; }
            th { font-size: 8pt; color: #5a6072; } .bar { background: #eceefe; height: 2.5mm; width: 30mm; }
            .fill { background: #2f3fc4; height: 2.5mm; } .cols { width: 100%; } .cols td { border: none; padding: 0 3mm 0 0; width: 50%; }
            .timeline { width: 100%; } td.decision { width: 34%; } .nowrap { white-space: nowrap; }
            """;

    /** The one-pager is denser than the other audiences' pages, so that everything an executive reads fits one sheet. */
    private static final String ONE_PAGER_CSS = """
            body { font-size: 8.5pt; } h1 { font-size: 15pt; margin: 0 0 1mm 0; } h2 { font-size: 10.5pt; margin: 3mm 0 1mm 0; }
            th, td { padding: 0.6mm 1.5mm; } ul { margin: 0; padding-left: 4mm; } p.muted { margin: 0 0 1mm 0; }
            """;

    public byte[] pdf(AudienceView v) {
        return PdfDocuments.render(e(v.title()), v.audience() == Audience.EXECUTIVE ? PDF_CSS + ONE_PAGER_CSS : PDF_CSS, html(v));
    }

    /** The printable page: the one-pager layout, sections only where the view has content. */
    String html(AudienceView v) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>").append(e(v.title())).append("</h1><p class=\"muted\">As of ").append(v.asOf()).append(" · dates as ")
                .append(e(v.precision().label().toLowerCase())).append("</p>");
        h.append("<table class=\"cols\"><tr><td>");
        if (!v.themes().isEmpty()) {
            h.append("<h2>Themes</h2><ul>");
            for (ThemeView t : v.themes()) {
                h.append("<li><b>").append(e(t.name())).append("</b>");
                if (t.description() != null && !t.description().isBlank()) {
                    h.append(" — ").append(e(t.description()));
                }
                h.append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</td><td>");
        if (!v.objectives().isEmpty()) {
            h.append("<h2>Objectives</h2><table>");
            for (ObjectiveView o : v.objectives()) {
                h.append("<tr><td><b>").append(e(o.title())).append("</b><br/><span class=\"muted\">").append(e(o.progress()))
                        .append("</span></td><td><div class=\"bar\"><div class=\"fill\" style=\"width:").append(o.percent())
                        .append("%\"></div></div>").append(e(o.share())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("</td></tr></table>");
        h.append("<h2>Initiatives</h2><table><tr><th>Initiative</th><th>When</th>");
        if (v.shows("THEMES")) {
            h.append("<th>Theme</th>");
        }
        if (v.shows("STAGE")) {
            h.append("<th>Stage</th>");
        }
        if (v.shows("TEAM")) {
            h.append("<th>Team</th>");
        }
        if (v.shows("EFFORT")) {
            h.append("<th>Effort</th>");
        }
        h.append("</tr>");
        for (ItemView i : v.items()) {
            h.append("<tr><td><b>").append(e(i.title())).append("</b>");
            if (i.description() != null) {
                h.append("<br/><span class=\"muted\">").append(e(i.description())).append("</span>");
            }
            h.append("</td><td>").append(e(i.when())).append("</td>");
            if (v.shows("THEMES")) {
                h.append("<td>").append(e(i.theme())).append("</td>");
            }
            if (v.shows("STAGE")) {
                h.append("<td>").append(e(i.stageLabel())).append("</td>");
            }
            if (v.shows("TEAM")) {
                h.append("<td>").append(e(i.team())).append("</td>");
            }
            if (v.shows("EFFORT")) {
                h.append("<td>").append(e(i.effort())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
        if (!v.dependencies().isEmpty()) {
            h.append("<h2>Dependencies</h2><ul>");
            for (DependencyView d : v.dependencies()) {
                h.append("<li>").append(e(d.dependent())).append(" needs ").append(e(d.required()));
                if (d.note() != null) {
                    h.append(" <span class=\"muted\">(").append(e(d.note())).append(")</span>");
                }
                h.append("</li>");
            }
            h.append("</ul>");
        }
        if (!v.decisions().isEmpty() && v.audience() == Audience.EXECUTIVE) {
            // the one-pager stays one page: one compact entry per decision, its reasons cut to a line (read them in full on
            // the page or in the other formats)
            h.append("<h2>").append(e(v.decisionsHeading())).append("</h2><table>");
            for (DecisionView d : v.decisions()) {
                h.append("<tr><td><b>").append(e(d.title())).append("</b><span class=\"muted\">");
                if (d.decided() != null) {
                    h.append(" · ").append(e(d.decided()));
                }
                if (d.decidedBy() != null) {
                    h.append(" · ").append(e(d.decidedBy()));
                }
                if (!d.concerns().isEmpty()) {
                    h.append(" · ").append(e(String.join(", ", d.concerns())));
                }
                h.append("</span><br/>").append(e(shorten(d.rationale(), ONE_PAGER_RATIONALE))).append("</td></tr>");
            }
            h.append("</table>");
        } else if (!v.decisions().isEmpty()) {
            h.append("<h2>").append(e(v.decisionsHeading())).append("</h2><table><tr><th>Decision</th><th>Why</th>");
            boolean dated = v.decisions().stream().anyMatch(d -> d.decided() != null);
            boolean by = v.decisions().stream().anyMatch(d -> d.decidedBy() != null);
            if (dated) {
                h.append("<th>Decided</th>");
            }
            if (by) {
                h.append("<th>By</th>");
            }
            h.append("</tr>");
            for (DecisionView d : v.decisions()) {
                h.append("<tr><td class=\"decision\"><b>").append(e(d.title())).append("</b>");
                if (d.key() && !v.decisionsHeading().startsWith("Key")) {
                    h.append(" <span class=\"muted\">(key)</span>");
                }
                if (!d.concerns().isEmpty()) {
                    h.append("<br/><span class=\"muted\">").append(e(String.join(", ", d.concerns()))).append("</span>");
                }
                h.append("</td><td>").append(e(d.rationale())).append("</td>");
                if (dated) {
                    h.append("<td class=\"nowrap\">").append(e(d.decided())).append("</td>");
                }
                if (by) {
                    h.append("<td>").append(e(d.decidedBy())).append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</table>");
        }
        if (!v.risks().isEmpty()) {
            h.append("<h2>Top risks</h2><table><tr><th>Risk</th><th>Level</th><th>Concerns</th>");
            boolean owners = v.shows("OWNERS");
            if (owners) {
                h.append("<th>Owner</th><th>Mitigation</th>");
            }
            h.append("</tr>");
            for (RiskView r : v.risks()) {
                h.append("<tr><td>").append(e(r.title())).append("</td><td>").append(r.level()).append(" (").append(r.exposure())
                        .append(")</td><td>").append(e(r.initiative() == null ? "The whole roadmap" : r.initiative())).append("</td>");
                if (owners) {
                    h.append("<td>").append(e(r.owner())).append("</td><td>").append(e(r.mitigation())).append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</table>");
        }
        if (v.audience() != Audience.EXECUTIVE && !v.items().isEmpty()) {
            // the one-pager stays one page; the other audiences get the timeline on a page of its own
            h.append("<h2 style=\"page-break-before: always\">Timeline</h2><div class=\"timeline\">").append(svg(v).replaceFirst("<\\?xml[^>]*>\\s*", ""))
                    .append("</div>");
        }
        return h.toString();
    }

    /** The most of a decision's rationale the printed one-pager carries. */
    static final int ONE_PAGER_RATIONALE = 150;

    static String shorten(String text, int max) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    private static String e(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
