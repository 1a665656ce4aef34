package app.truenorth.health;

import app.truenorth.health.rules.HealthReport;
import app.truenorth.roadmap.RoadmapData;
import java.time.LocalDate;

/** The health of one product's roadmap as of a day, with the thresholds it was judged by. */
public record HealthCheck(RoadmapData roadmap, HealthReport report, StoredThresholds thresholds, LocalDate today,
        LocalDate lastSnapshotOn) {
}
