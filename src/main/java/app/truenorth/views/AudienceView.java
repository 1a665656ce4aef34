package app.truenorth.views;

import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapSettings;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.roadmap.render.TimelineSvg;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one audience may see of a roadmap, and nothing more. Every page, share and export format
 * renders from this record alone, so a field left out here cannot leak through any template. Items
 * carry a running number instead of their database id; sections the preset hides are empty lists and
 * hidden fields are null.
 */
public record AudienceView(String productName, Audience audience, LocalDate asOf, DatePrecision precision,
        List<String> shownFields, List<ThemeView> themes, List<ObjectiveView> objectives, List<ItemView> items,
        List<DependencyView> dependencies, List<RiskView> risks, List<DecisionView> decisions) {

    public AudienceView {
        decisions = decisions == null ? List.of() : decisions;
    }

    public record ThemeView(int ref, String name, String description) {
    }

    /** @param percent progress towards the target, 0–100 for bars */
    public record ObjectiveView(String title, String progress, String share, int percent) {
    }

    /**
     * @param when   the date at the view's precision: "2026-03-02 to 2026-05-29", "2026-Q2" or the horizon
     * @param quarter/start/end what the timeline may place: null where the precision hides it
     * @param theme  null when themes are hidden or it has none
     */
    public record ItemView(int ref, String title, String description, Integer themeRef, String theme, Horizon horizon,
            Stage stage, String when, Quarter quarter, LocalDate start, LocalDate end, String team, String effort,
            Integer confidence, List<String> objectives) {

        public String horizonLabel() {
            return horizon.label();
        }

        public String stageLabel() {
            return stage == null ? null : stage.label();
        }
    }

    /** "{@code dependent} needs {@code required} first"; {@code required} may be an external team or technology. */
    public record DependencyView(int dependentRef, Integer requiredRef, String dependent, String required, String note) {
    }

    /** @param owner and mitigation are null unless the preset shows owners */
    public record RiskView(String title, String initiative, String level, int exposure, String mitigation, String owner) {
    }

    /**
     * A decision, latest first.
     *
     * @param decided   when, at the view's precision ("2026-03-14" or "2026-Q1"); null when it shows only horizons
     * @param decidedBy null unless the preset shows owners
     * @param concerns  the initiatives and themes of this view it concerns, and its objectives when they are shown
     */
    public record DecisionView(String title, String rationale, String decided, String decidedBy, boolean key,
            List<String> concerns) {
    }

    /** "Key decisions" when every decision shown is key (as the one-pager's are), else "Decisions". */
    public String decisionsHeading() {
        return !decisions.isEmpty() && decisions.stream().allMatch(DecisionView::key) ? "Key decisions" : "Decisions";
    }

    public String title() {
        return productName + " roadmap · " + audience.label();
    }

    public boolean shows(String field) {
        return shownFields.contains(field);
    }

    /** The timeline of exactly what this view holds, drawn by the roadmap's own renderer, without links. */
    public String timelineSvg() {
        // a roadmap made of the view's records only: nothing the view lacks can reach the picture
        RoadmapSettings settings = new RoadmapSettings(0, 0, 0, ScoringMethod.RICE, 30, null, 0);
        List<Stored<Theme>> themeList = themes.stream().map(t -> new Stored<>(new Theme(t.ref(), t.name(), ""), 0)).toList();
        List<Stored<Initiative>> initiatives = new ArrayList<>();
        for (ItemView i : items) {
            initiatives.add(new Stored<>(new Initiative(i.ref(), i.title(), "", i.themeRef() == null ? null : i.themeRef().longValue(),
                    List.of(), i.horizon(), i.stage(), null, null, 0, i.quarter(), i.start(), i.end(),
                    Visibility.EXTERNAL, null, null), 0));
        }
        List<Stored<Dependency>> deps = new ArrayList<>();
        int n = 0;
        for (DependencyView d : dependencies) {
            if (d.requiredRef() != null) {
                deps.add(new Stored<>(Dependency.between(++n, d.dependentRef(), d.requiredRef()), 0));
            }
        }
        RoadmapData data = new RoadmapData(productName, settings, themeList, List.of(), initiatives, deps, List.of());
        return TimelineSvg.render(data, data.initiativeList(), asOf, null);
    }
}
