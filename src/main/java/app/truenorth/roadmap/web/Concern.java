package app.truenorth.roadmap.web;

import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.domain.Decision;
import java.util.ArrayList;
import java.util.List;

/** One thing a decision concerns, as the decision log shows it: a linked initiative, a theme or an objective. */
public record Concern(String text, String href) {

    public static List<Concern> of(RoadmapData data, Decision d, String base) {
        List<Concern> concerns = new ArrayList<>();
        d.initiativeIds().forEach(id -> concerns.add(new Concern(data.initiativeTitle(id), base + "/initiatives/" + id)));
        d.themeIds().forEach(id -> concerns.add(new Concern("theme " + data.themeName(id), null)));
        d.objectiveIds().forEach(id -> concerns.add(new Concern("objective " + data.objective(id).map(o -> o.title()).orElse("#" + id),
                null)));
        return concerns;
    }
}
