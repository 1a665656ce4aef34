package app.truenorth.roadmap.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each initiative's chain up to the strategy: the objectives it serves, its theme, and the
 * differentiator or problem statement it answers. An initiative missing any link is an orphan: it is
 * on the roadmap without a stated reason (the "feature list" pitfall).
 */
public final class Traceability {

    private Traceability() {
    }

    public record Chain(Initiative initiative, List<Objective> objectives, Theme theme, StrategicLink link, List<String> gaps) {

        public boolean isOrphan() {
            return !gaps.isEmpty();
        }
    }

    public static List<Chain> chains(List<Initiative> initiatives, List<Theme> themes, List<Objective> objectives) {
        Map<Long, Theme> themeById = themes.stream().collect(Collectors.toMap(Theme::id, Function.identity()));
        Map<Long, Objective> objectiveById = objectives.stream().collect(Collectors.toMap(Objective::id, Function.identity()));
        List<Chain> chains = new ArrayList<>();
        for (Initiative initiative : initiatives) {
            List<Objective> served = initiative.objectiveIds().stream().map(objectiveById::get).filter(o -> o != null).toList();
            Theme theme = initiative.themeId() == null ? null : themeById.get(initiative.themeId());
            List<String> gaps = new ArrayList<>();
            if (served.isEmpty()) {
                gaps.add("no objective");
            }
            if (theme == null) {
                gaps.add("no theme");
            }
            if (initiative.link() == null) {
                gaps.add("no differentiator or problem statement");
            }
            chains.add(new Chain(initiative, served, theme, initiative.link(), List.copyOf(gaps)));
        }
        return chains;
    }

    public static List<Chain> orphans(List<Initiative> initiatives, List<Theme> themes, List<Objective> objectives) {
        return chains(initiatives, themes, objectives).stream().filter(Chain::isOrphan).toList();
    }
}
