package app.truenorth.roadmap;

import app.truenorth.roadmap.domain.ScoringMethod;
import java.time.LocalDate;

/** A product's roadmap: how it ranks initiatives and how often it is reviewed. */
public record RoadmapSettings(long id, long productId, long workspaceId, ScoringMethod scoringMethod, int reviewCadenceDays,
        LocalDate lastReviewedOn, int version) {

    /** The day the next review is due, or null when it was never reviewed. */
    public LocalDate nextReviewDue() {
        return lastReviewedOn == null ? null : lastReviewedOn.plusDays(reviewCadenceDays);
    }

    public boolean reviewOverdue(LocalDate today) {
        return lastReviewedOn == null || today.isAfter(nextReviewDue());
    }
}
