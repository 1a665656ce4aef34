package app.truenorth.health.rules;

import app.truenorth.roadmap.domain.Dependency;
import app.truenorth.roadmap.domain.Initiative;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules look at, as plain data so the server and the offline linter run the same checks:
 * {@code lastActivity} (when each initiative's status last changed; initiatives missing from the map are
 * not judged — the execution module's check-ins will feed it), {@code audiences} (live share links per
 * holder and view, from the views module) and {@code antiGoals} (the roadmap's declared anti-goals; the
 * alignment module's worst-solution anti-goals will join them) and {@code dismissals} (anti-goal findings
 * editors dismissed for one initiative, each holding while both texts are unchanged).
 *
 * @param lastReviewedOn null when never reviewed
 * @param lastSnapshotOn null when no snapshot was ever taken
 */
public record HealthInput(List<Initiative> initiatives, List<Dependency> dependencies, int reviewCadenceDays,
        LocalDate lastReviewedOn, LocalDate lastSnapshotOn, Map<Long, LocalDate> lastActivity,
        List<AudienceLinks> audiences, List<String> antiGoals, List<Dismissal> dismissals, LocalDate today) {

    public HealthInput {
        initiatives = List.copyOf(initiatives);
        dependencies = List.copyOf(dependencies);
        lastActivity = lastActivity == null ? Map.of() : lastActivity;
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        antiGoals = antiGoals == null ? List.of() : List.copyOf(antiGoals);
        dismissals = dismissals == null ? List.of() : List.copyOf(dismissals);
    }

    /** A roadmap with nothing dismissed. */
    public HealthInput(List<Initiative> initiatives, List<Dependency> dependencies, int reviewCadenceDays, LocalDate lastReviewedOn,
            LocalDate lastSnapshotOn, Map<Long, LocalDate> lastActivity, List<AudienceLinks> audiences, List<String> antiGoals,
            LocalDate today) {
        this(initiatives, dependencies, reviewCadenceDays, lastReviewedOn, lastSnapshotOn, lastActivity, audiences, antiGoals, List.of(),
                today);
    }
}
