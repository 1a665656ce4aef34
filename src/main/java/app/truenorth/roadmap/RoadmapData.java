package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.DependencyAnalysis;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.Scoring;
import app.truenorth.roadmap.domain.SnapshotItem;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.roadmap.domain.Traceability;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything on one product's roadmap, read in one go, with the analyses over it.
 *
 * @param decisions the decision log, latest first
 */
public record RoadmapData(String productName, RoadmapSettings settings, List<Stored<Theme>> themes,
        List<Stored<Objective>> objectives, List<Stored<Initiative>> initiatives, List<Stored<Dependency>> dependencies,
        List<Stored<Risk>> risks, List<Stored<Decision>> decisions) {

    public RoadmapData {
        decisions = decisions == null ? List.of() : decisions;
    }

    /** A roadmap without a decision log (pictures and analyses made from other records need none). */
    public RoadmapData(String productName, RoadmapSettings settings, List<Stored<Theme>> themes, List<Stored<Objective>> objectives,
            List<Stored<Initiative>> initiatives, List<Stored<Dependency>> dependencies, List<Stored<Risk>> risks) {
        this(productName, settings, themes, objectives, initiatives, dependencies, risks, List.of());
    }

    public List<Theme> themeList() {
        return themes.stream().map(Stored::value).toList();
    }

    public List<Objective> objectiveList() {
        return objectives.stream().map(Stored::value).toList();
    }

    public List<Initiative> initiativeList() {
        return initiatives.stream().map(Stored::value).toList();
    }

    public List<Decision> decisionList() {
        return decisions.stream().map(Stored::value).toList();
    }

    public Optional<Stored<Decision>> decision(long id) {
        return decisions.stream().filter(s -> s.value().id() == id).findFirst();
    }

    public List<Dependency> dependencyList() {
        return dependencies.stream().map(Stored::value).toList();
    }

    public Optional<Stored<Initiative>> initiative(long id) {
        return initiatives.stream().filter(s -> s.value().id() == id).findFirst();
    }

    public Optional<Theme> theme(Long id) {
        return id == null ? Optional.empty() : themes.stream().map(Stored::value).filter(t -> t.id() == id).findFirst();
    }

    public Optional<Objective> objective(long id) {
        return objectives.stream().map(Stored::value).filter(o -> o.id() == id).findFirst();
    }

    /** The decisions that concern an initiative, latest first. */
    public List<Stored<Decision>> decisionsAbout(long initiativeId) {
        return decisions.stream().filter(d -> d.value().initiativeIds().contains(initiativeId)).toList();
    }

    public String themeName(Long id) {
        return theme(id).map(Theme::name).orElse("No theme");
    }

    public String initiativeTitle(long id) {
        return initiative(id).map(s -> s.value().title()).orElse("#" + id);
    }

    public Map<Long, String> initiativeTitles() {
        Map<Long, String> titles = new HashMap<>();
        initiatives.forEach(s -> titles.put(s.value().id(), s.value().title()));
        return titles;
    }

    public DependencyAnalysis.Result analysis(DependencyAnalysis.Weight weight) {
        return DependencyAnalysis.analyze(initiativeList(), dependencyList(), weight);
    }

    public Scoring.Ranking ranking() {
        return Scoring.rank(settings.scoringMethod(), initiativeList());
    }

    public List<Traceability.Chain> traceability() {
        return Traceability.chains(initiativeList(), themeList(), objectiveList());
    }

    public List<SnapshotItem> snapshotItems() {
        return initiatives.stream().map(s -> SnapshotItem.of(s.value(), themeName(s.value().themeId()))).toList();
    }
}
