package app.truenorth.roadmap.web;

import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Scoring;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Theme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What every roadmap format page shows: the roadmap, the filter, and the initiatives that pass it. */
public record RoadmapPage(long productId, RoadmapData data, RoadmapFilter filter, List<Initiative> shown, String format,
        boolean canEdit, Map<Long, Scoring.Ranked> ranks, Map<Long, Integer> versions) {

    public static RoadmapPage of(long productId, RoadmapData data, RoadmapFilter filter, String format, boolean canEdit) {
        Map<Long, Integer> versions = new HashMap<>();
        data.initiatives().forEach(s -> versions.put(s.value().id(), s.version()));
        Map<Long, Scoring.Ranked> ranks = new HashMap<>();
        data.ranking().ranked().forEach(r -> ranks.put(r.initiativeId(), r));
        List<Initiative> shown = data.initiativeList().stream().filter(filter::matches).toList();
        return new RoadmapPage(productId, data, filter, shown, format, canEdit, ranks, versions);
    }

    public String base() {
        return "/products/" + productId + "/roadmap";
    }

    public int version(long initiativeId) {
        return versions.getOrDefault(initiativeId, 0);
    }

    public Scoring.Ranked rank(long initiativeId) {
        return ranks.get(initiativeId);
    }

    public List<Initiative> inHorizon(Horizon horizon) {
        return byRank(shown.stream().filter(i -> i.horizon() == horizon).toList());
    }

    public List<Initiative> inStage(Stage stage) {
        return byRank(shown.stream().filter(i -> i.stage() == stage).toList());
    }

    public List<Initiative> inTheme(Long themeId) {
        return byRank(shown.stream().filter(i -> themeId == null ? i.themeId() == null : themeId.equals(i.themeId())).toList());
    }

    public List<Initiative> serving(long objectiveId) {
        return byRank(shown.stream().filter(i -> i.objectiveIds().contains(objectiveId)).toList());
    }

    public List<Initiative> servingNoObjective() {
        return byRank(shown.stream().filter(i -> i.objectiveIds().isEmpty()).toList());
    }

    public List<Theme> themes() {
        return data.themeList();
    }

    public List<Objective> objectives() {
        return data.objectiveList();
    }

    public List<String> teams() {
        TreeSet<String> teams = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        data.initiativeList().forEach(i -> {
            if (i.team() != null && !i.team().isBlank()) {
                teams.add(i.team());
            }
        });
        return new ArrayList<>(teams);
    }

    public String themeName(Long themeId) {
        return data.themeName(themeId);
    }

    public String when(Initiative i) {
        if (i.startDate() != null) {
            return i.startDate() + " → " + i.endDate();
        }
        return i.quarter() != null ? i.quarter().toString() : "";
    }

    public String formatLink(String format) {
        return base() + "/" + format + filter.query();
    }

    public int unthemedCount() {
        return (int) shown.stream().filter(i -> i.themeId() == null).count();
    }

    public Stored<Initiative> stored(long id) {
        return data.initiative(id).orElse(null);
    }

    /** Highest-ranked first, then unscored by title: the order a column should be read in. */
    private List<Initiative> byRank(List<Initiative> list) {
        List<Initiative> sorted = new ArrayList<>(list);
        sorted.sort((a, b) -> {
            Scoring.Ranked ra = ranks.get(a.id());
            Scoring.Ranked rb = ranks.get(b.id());
            if (ra != null && rb != null) {
                return Integer.compare(ra.rank(), rb.rank()) != 0 ? Integer.compare(ra.rank(), rb.rank())
                        : a.title().compareToIgnoreCase(b.title());
            }
            if (ra != null || rb != null) {
                return ra != null ? -1 : 1;
            }
            return a.title().compareToIgnoreCase(b.title());
        });
        return sorted;
    }
}
