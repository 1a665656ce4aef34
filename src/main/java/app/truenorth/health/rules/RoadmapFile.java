package app.truenorth.health.rules;

import app.truenorth.roadmap.RoadmapData;
import app.truenorth.roadmap.RoadmapSettings;
import app.truenorth.roadmap.Stored;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Risk;
import app.truenorth.roadmap.domain.ScoringMethod;
import app.truenorth.roadmap.domain.Theme;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A roadmap read from its YAML file into the roadmap's own domain model, with what the health checks
 * need beyond it. Ids are given in file order (the first initiative is 1); {@code initiativeKeys} and
 * {@code initiativeLines} map them back to the file for messages and SARIF locations.
 *
 * @param decisions the file's decision log, in file order (no health rule reads it)
 */
public record RoadmapFile(String product, ScoringMethod scoring, int reviewCadenceDays, LocalDate lastReviewed,
        LocalDate lastSnapshot, Thresholds thresholds, List<Theme> themes, List<Objective> objectives,
        List<Initiative> initiatives, List<Dependency> dependencies, List<Risk> risks, Map<Long, LocalDate> lastActivity,
        List<AudienceLinks> audiences, List<String> antiGoals, Map<Long, String> initiativeKeys,
        Map<Long, Integer> initiativeLines, List<Decision> decisions) {

    public RoadmapFile {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** A file without a decision log. */
    public RoadmapFile(String product, ScoringMethod scoring, int reviewCadenceDays, LocalDate lastReviewed, LocalDate lastSnapshot,
            Thresholds thresholds, List<Theme> themes, List<Objective> objectives, List<Initiative> initiatives,
            List<Dependency> dependencies, List<Risk> risks, Map<Long, LocalDate> lastActivity, List<AudienceLinks> audiences,
            List<String> antiGoals, Map<Long, String> initiativeKeys, Map<Long, Integer> initiativeLines) {
        this(product, scoring, reviewCadenceDays, lastReviewed, lastSnapshot, thresholds, themes, objectives, initiatives,
                dependencies, risks, lastActivity, audiences, antiGoals, initiativeKeys, initiativeLines, List.of());
    }

    public HealthInput healthInput(LocalDate today) {
        return new HealthInput(initiatives, dependencies, reviewCadenceDays, lastReviewed, lastSnapshot, lastActivity, audiences,
                antiGoals, today);
    }

    /**
     * The file as the roadmap the server would hold, for renderers that take one (the audience views,
     * the timeline): the same records, decisions included, each at version 0, with the file's scoring and
     * review settings.
     */
    public RoadmapData roadmap() {
        RoadmapSettings settings = new RoadmapSettings(0, 0, 0, scoring, reviewCadenceDays, lastReviewed, 0);
        return new RoadmapData(product, settings, stored(themes), stored(objectives), stored(initiatives), stored(dependencies),
                stored(risks), stored(decisions));
    }

    private static <T> List<Stored<T>> stored(List<T> values) {
        return values.stream().map(v -> new Stored<>(v, 0)).toList();
    }

    /** The health checks on this file, as of {@code today}, with its own thresholds. */
    public HealthReport check(LocalDate today) {
        return HealthChecks.run(healthInput(today), thresholds);
    }
}
