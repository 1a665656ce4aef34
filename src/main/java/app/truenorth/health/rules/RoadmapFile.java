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
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A roadmap read from its file into the roadmap's own domain model, with what the health checks need
 * beyond it. Ids are given in file order (the first initiative is 1); {@code initiativeKeys} and
 * {@code initiativeLines} map them back to the file for messages and SARIF locations.
 *
 * @param decisions  the file's decision log, in file order (no health rule reads it)
 * @param dismissals anti-goal findings dismissed for one initiative (a pulled roadmap file carries the server's)
 * @param warnings   what was read but not as written (a retired field, converted or ignored), each with its line
 * @param rules      the rules the file carries enough to run: all of them for roadmap-as-code YAML, fewer for the
 *                   JSON roadmap file, which has no objectives, strategy links, dependencies or activity
 */
public record RoadmapFile(String product, ScoringMethod scoring, int reviewCadenceDays, LocalDate lastReviewed,
        LocalDate lastSnapshot, Thresholds thresholds, List<Theme> themes, List<Objective> objectives,
        List<Initiative> initiatives, List<Dependency> dependencies, List<Risk> risks, Map<Long, LocalDate> lastActivity,
        List<AudienceLinks> audiences, List<String> antiGoals, Map<Long, String> initiativeKeys,
        Map<Long, Integer> initiativeLines, List<Decision> decisions, List<Dismissal> dismissals,
        List<RoadmapFileException.Problem> warnings, Set<Rule> rules) {

    public RoadmapFile {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        dismissals = dismissals == null ? List.of() : List.copyOf(dismissals);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        rules = rules == null ? EnumSet.allOf(Rule.class) : Collections.unmodifiableSet(EnumSet.copyOf(rules));
    }

    public HealthInput healthInput(LocalDate today) {
        return new HealthInput(initiatives, dependencies, reviewCadenceDays, lastReviewed, lastSnapshot, lastActivity, audiences,
                antiGoals, dismissals, today);
    }

    /** The rules this file cannot feed, so they were not run on it. */
    public Set<Rule> unchecked() {
        EnumSet<Rule> missing = EnumSet.allOf(Rule.class);
        missing.removeAll(rules);
        return missing;
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

    /** The health checks this file can feed, as of {@code today}, with its own thresholds. */
    public HealthReport check(LocalDate today) {
        return HealthChecks.run(healthInput(today), thresholds, rules);
    }
}
