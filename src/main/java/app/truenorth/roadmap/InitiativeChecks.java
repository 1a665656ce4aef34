package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.max;
import static app.truenorth.roadmap.RoadmapChecks.required;
import static app.truenorth.roadmap.RoadmapChecks.text;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.domain.EffortRange;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.ScoreInputs;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.StrategicLink;
import app.truenorth.roadmap.domain.Visibility;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules an initiative must pass wherever it comes from: a page or the API ({@link Initiatives}), an
 * import ({@link BulkInitiatives}) or a strategy session's hand-off ({@link RoadmapHandOff}). One place, so
 * the three cannot drift apart.
 */
@Component
class InitiativeChecks {

    private final JdbcClient jdbc;
    private final RoadmapReader reader;
    private final StrategyLinks links;

    InitiativeChecks(JdbcClient jdbc, RoadmapReader reader, StrategyLinks links) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.links = links;
    }

    /**
     * The initiative as it will be stored (id 0), once every rule passes on the roadmap with {@code roadmapId};
     * otherwise refused with a message per field.
     */
    Initiative check(long roadmapId, long workspaceId, long productId, InitiativeInput in) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (in.confidence() == null) {
            problems.put("confidence", "is required: a percentage from 0 to 100");
        }
        Initiative.problems(in.title(), in.confidence() == null ? 50 : in.confidence(), in.startDate(), in.endDate())
                .forEach(problems::putIfAbsent);
        max(problems, "description", in.description(), 4000);
        max(problems, "team", in.team(), 100);
        if (in.horizon() == null) {
            problems.put("horizon", "must be one of NOW, NEXT, LATER");
        }
        problems.putAll(EffortRange.problems(in.effortLow(), in.effortHigh()));
        Quarter quarter = null;
        if (in.quarter() != null && !in.quarter().isBlank()) {
            quarter = Quarter.parse(in.quarter()).orElse(null);
            if (quarter == null) {
                problems.put("quarter", "must look like 2026-Q3");
            }
        }
        if (in.themeId() != null && reader.theme(roadmapId, in.themeId()).isEmpty()) {
            problems.put("themeId", themeGone().fieldErrors().get("themeId"));
        }
        List<Long> objectiveIds = in.objectiveIds() == null ? List.of() : in.objectiveIds();
        if (!objectiveIds.isEmpty()) {
            Set<Long> known = new LinkedHashSet<>(jdbc.sql("select id from roadmap_objective where roadmap_id = :r")
                    .param("r", roadmapId).query(Long.class).list());
            if (!known.containsAll(objectiveIds)) {
                problems.put("objectiveIds", "names an objective that is not on this roadmap (it may have been deleted)");
            }
        }
        boolean anyLink = in.linkKind() != null || in.linkRef() != null || (in.linkLabel() != null && !in.linkLabel().isBlank());
        String label = in.linkLabel();
        if (anyLink) {
            if (in.linkKind() == null) {
                problems.put("linkKind", "must be DIFFERENTIATOR or PROBLEM_STATEMENT");
            }
            if (in.linkRef() == null) {
                problems.put("linkRef", "is required with a link: the id of the differentiator or problem statement");
            }
            // a link to a differentiator or problem statement of this product stores its text as it reads now, the
            // fallback label should it be removed from the session later; other references must bring their own label
            Optional<String> live = in.linkKind() == null || in.linkRef() == null ? Optional.empty()
                    : links.liveText(workspaceId, productId, in.linkKind(), in.linkRef());
            if (live.isPresent()) {
                label = StrategyLinks.label(live.get());
            } else if (in.linkKind() != null && in.linkRef() != null && (in.linkLabel() == null || in.linkLabel().isBlank())) {
                problems.put("linkRef", "names no differentiator or problem statement of this product's strategy sessions");
            } else {
                required(problems, "linkLabel", in.linkLabel(), StrategyLinks.LABEL_MAX);
            }
        }
        ScoreInputs scores = in.scores() == null ? ScoreInputs.NONE : in.scores();
        scores.problems().forEach(problems::putIfAbsent);
        RoadmapChecks.check(problems);

        return new Initiative(0, in.title().trim(), text(in.description()), in.themeId(), objectiveIds, in.horizon(),
                in.stage() == null ? Stage.IDEA : in.stage(), text(in.team()), new EffortRange(in.effortLow(), in.effortHigh()),
                in.confidence(), quarter, in.startDate(), in.endDate(), in.visibility() == null ? Visibility.INTERNAL : in.visibility(),
                anyLink ? new StrategicLink(in.linkKind(), in.linkRef(), label.trim()) : null, scores);
    }

    /** The refusal when an initiative names a theme that is not (or no longer) on its roadmap. */
    static InvalidInputException themeGone() {
        return new InvalidInputException("themeId", "The theme no longer exists on this roadmap (it may have been deleted). "
                + "Choose another theme or none.");
    }
}
