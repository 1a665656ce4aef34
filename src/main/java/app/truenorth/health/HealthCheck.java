package app.truenorth.health;

import app.truenorth.health.rules.AudienceLinks;
import app.truenorth.health.rules.HealthReport;
import app.truenorth.roadmap.RoadmapData;
import java.time.LocalDate;
import java.util.List;

/**
 * The health of one product's roadmap as of a day, with the thresholds and anti-goals it was judged by
 * and the live share links the one-size-fits-all rule looked at.
 */
public record HealthCheck(RoadmapData roadmap, HealthReport report, StoredThresholds thresholds, LocalDate today,
        LocalDate lastSnapshotOn, List<AntiGoals.AntiGoal> antiGoals, List<AudienceLinks> audiences) {

    public HealthCheck {
        antiGoals = List.copyOf(antiGoals);
        audiences = List.copyOf(audiences);
    }
}
