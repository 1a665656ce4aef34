package app.truenorth.views;

import app.truenorth.roadmap.render.RoadmapFormat;
import app.truenorth.views.AudienceView.DecisionView;
import java.util.List;

/**
 * What the printable roadmap ({@code views/print.jte}, the PDF of every audience and format, the executive
 * one-pager among them) shows: the audience's view laid out in one of the roadmap's formats. It reads the
 * view model only, like every export.
 *
 * @param timeline the view's timeline as inline SVG (drawn by the server, every text in it escaped), or
 *                 null when there is nothing to draw
 */
public record ViewDocument(AudienceView view, RoadmapFormat layout, String timeline) {

    /** The most of a decision's rationale the printed one-pager carries. */
    static final int ONE_PAGER_RATIONALE = 150;

    public String title() {
        return ViewExports.title(view, layout);
    }

    public String sectionsHeading() {
        return ViewExports.sectionsHeading(layout);
    }

    /** The initiatives grouped the way the format reads (see {@link ViewExports}). */
    public List<ViewExports.Section> sections() {
        return ViewExports.sections(view, layout);
    }

    /** The one-pager is denser than the other audiences' pages and stays one sheet. */
    public boolean onePager() {
        return view.audience() == Audience.EXECUTIVE;
    }

    /** Themes in a list of their own, unless the format already groups by them. */
    public boolean themes() {
        return !view.themes().isEmpty() && layout != RoadmapFormat.THEME;
    }

    /** Objectives in a list of their own, unless the format already groups by them. */
    public boolean objectives() {
        return !view.objectives().isEmpty() && layout != RoadmapFormat.GOAL;
    }

    /** A theme column in the initiative tables: when the audience sees themes and they are not the headings. */
    public boolean themeColumn() {
        return view.shows("THEMES") && layout != RoadmapFormat.THEME;
    }

    /** The timeline format opens with the picture. */
    public boolean pictureFirst() {
        return timeline != null && layout == RoadmapFormat.TIMELINE;
    }

    /** The other formats end with it on a page of its own, except the one-pager, which stays one page. */
    public boolean pictureLast() {
        return timeline != null && layout != RoadmapFormat.TIMELINE && !onePager();
    }

    /** Whether the decisions say "key" beside the key ones: not when every decision shown is key. */
    public boolean marksKey() {
        return !view.decisionsHeading().startsWith("Key");
    }

    public boolean anyDecided() {
        return view.decisions().stream().anyMatch(d -> d.decided() != null);
    }

    public boolean anyDecidedBy() {
        return view.decisions().stream().anyMatch(d -> d.decidedBy() != null);
    }

    /** A decision's reasons cut to a line, as the one-pager prints them (read them in full on the page). */
    public String shortRationale(DecisionView d) {
        return shorten(d.rationale(), ONE_PAGER_RATIONALE);
    }

    static String shorten(String text, int max) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
