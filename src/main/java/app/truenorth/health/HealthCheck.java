package app.truenorth.health;

import app.truenorth.health.rules.AudienceLinks;
import app.truenorth.health.rules.HealthReport;
import app.truenorth.roadmap.RoadmapData;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The health of one product's roadmap as of a day, with the thresholds and anti-goals it was judged by,
 * the live share links the one-size-fits-all rule looked at, and the anti-goal dismissals on record
 * (those that hold and those that lapsed because a text changed).
 */
public record HealthCheck(RoadmapData roadmap, HealthReport report, StoredThresholds thresholds, LocalDate today,
        LocalDate lastSnapshotOn, List<AntiGoals.AntiGoal> antiGoals, List<AudienceLinks> audiences,
        List<Dismissals.StoredDismissal> dismissals) {

    public HealthCheck {
        antiGoals = List.copyOf(antiGoals);
        audiences = List.copyOf(audiences);
        dismissals = List.copyOf(dismissals);
    }

    /** The declared anti-goal with this wording, as a finding names it. */
    public Optional<AntiGoals.AntiGoal> antiGoal(String text) {
        return antiGoals.stream().filter(g -> g.text().equals(text)).findFirst();
    }

    /** A dismissal on record for an anti-goal and an initiative that lapsed because a text changed since. */
    public Optional<Dismissals.StoredDismissal> lapsedDismissal(String antiGoal, long initiativeId) {
        return dismissals.stream().filter(d -> !d.holds() && d.initiativeId() == initiativeId && d.antiGoal().equals(antiGoal))
                .findFirst();
    }

    /** The dismissal on record for an anti-goal and an initiative that still holds. */
    public Optional<Dismissals.StoredDismissal> dismissal(String antiGoal, long initiativeId) {
        return dismissals.stream().filter(d -> d.holds() && d.initiativeId() == initiativeId && d.antiGoal().equals(antiGoal))
                .findFirst();
    }
}
