package app.truenorth.roadmap;

import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.LinkKind;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import app.truenorth.session.RoadmapHandedOff;
import app.truenorth.session.RoadmapHandedOff.DraftInitiative;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts the initiatives of a signed-off roadmap-planning phase on the product's roadmap. Runs after
 * the sign-off committed, on its own thread and transaction; the JDBC event publication registry
 * keeps the event until this completes, so a crash in between re-delivers it on restart (and the
 * hand-off being idempotent makes that safe).
 */
@Component
class SessionHandOffListener {

    private static final Logger log = LoggerFactory.getLogger(SessionHandOffListener.class);

    /** A drafted initiative starts as a raw idea with middling confidence until the team discovers more. */
    static final int DEFAULT_CONFIDENCE = 50;

    private final RoadmapHandOff handOff;

    SessionHandOffListener(RoadmapHandOff handOff) {
        this.handOff = handOff;
    }

    @ApplicationModuleListener
    void on(RoadmapHandedOff event) {
        List<InitiativeInput> drafts = event.initiatives().stream().map(SessionHandOffListener::input).toList();
        List<Long> sourceIds = event.initiatives().stream().map(DraftInitiative::sessionInitiativeId).toList();
        var result = handOff.receive(event.workspaceId(), event.productId(), event.sessionId(), drafts, sourceIds);
        log.info("Strategy session {} handed {} initiative(s) to the roadmap of product {}; {} already there", event.sessionId(),
                result.created().size(), event.productId(), result.skipped());
    }

    static InitiativeInput input(DraftInitiative d) {
        LinkKind kind = d.linkKind() == null ? null : switch (d.linkKind()) {
            case DIFFERENTIATOR -> LinkKind.DIFFERENTIATOR;
            case PROBLEM_STATEMENT -> LinkKind.PROBLEM_STATEMENT;
        };
        String label = kind == null ? null : d.linkLabel().length() > 300 ? d.linkLabel().substring(0, 299) + "…" : d.linkLabel();
        return new InitiativeInput(d.title(), d.description(), null, List.of(), Horizon.valueOf(d.horizon().name()), Stage.IDEA, "",
                d.effortLow(), d.effortHigh(), DEFAULT_CONFIDENCE, d.targetQuarter(), null, null, Visibility.INTERNAL, kind,
                kind == null ? null : d.linkId(), label, null);
    }
}
