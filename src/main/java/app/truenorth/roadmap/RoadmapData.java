package app.truenorth.roadmap;

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

/** Everything on one product's roadmap, read in one go, with the analyses over it. */
public record RoadmapData(String productName, RoadmapSettings settings, List<Stored<Theme>> themes,
        List<Stored<Objective>> objectives, List<Stored<Initiative>> initiatives, List<Stored<Dependency>> dependencies,
        List<Stored<Risk>> risks) {

    public List<Theme> themeList() {
        return themes.stream().map(Stored::value).toList();
    }

    public List<Objective> objectiveList() {
        return objectives.stream().map(Stored::value).toList();
    }

    public List<Initiative> initiativeList() {
        return initiatives.stream().map(Stored::value).toList();
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
