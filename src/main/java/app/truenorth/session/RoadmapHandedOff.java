package app.truenorth.session;

import java.math.BigDecimal;
import java.util.List;

/**
 * Published when roadmap planning is signed off: the session's drafted initiatives, each with what
 * it is grounded in and what the roadmap needs to plan it, for the roadmap module to take over. It is
 * published again each time the phase is signed off after a reopen; {@code sessionInitiativeId}
 * lets the receiver recognise what it already took over.
 */
public record RoadmapHandedOff(long workspaceId, long productId, long sessionId, List<DraftInitiative> initiatives) {

    public RoadmapHandedOff {
        initiatives = List.copyOf(initiatives);
    }

    /**
     * One initiative. {@code linkKind}/{@code linkId} name the differentiator or problem statement it
     * serves (ids are stable: they survive edits of the session); both null for an orphan.
     *
     * @param sessionInitiativeId stable id of the draft in its session (set on every published event; null only for a
     *                            session that was never stored)
     * @param effortLow           person-weeks; with effortHigh always present (sign-off requires an estimate)
     * @param targetQuarter       "2026-Q3", or null
     */
    public record DraftInitiative(Long sessionInitiativeId, String title, String description, LinkKind linkKind, Long linkId,
            String linkLabel, PlanningHorizon horizon, BigDecimal effortLow, BigDecimal effortHigh, String targetQuarter) {
    }
}
