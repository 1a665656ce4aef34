package app.truenorth.session;

import java.util.List;

/**
 * Published when roadmap planning is signed off: the session's drafted initiatives, each with what
 * it is grounded in, for the roadmap module to take over. Until a roadmap consumes it, the
 * initiatives remain readable in the session.
 */
public record RoadmapHandedOff(long workspaceId, long productId, long sessionId, List<DraftInitiative> initiatives) {

    public RoadmapHandedOff {
        initiatives = List.copyOf(initiatives);
    }

    /**
     * One initiative. {@code linkKind}/{@code linkId} name the differentiator or problem statement it
     * serves (ids are stable: they survive edits of the session); both null for an orphan.
     */
    public record DraftInitiative(String title, String description, LinkKind linkKind, Long linkId, String linkLabel) {
    }
}
