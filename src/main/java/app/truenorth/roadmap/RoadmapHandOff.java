package app.truenorth.roadmap;

import static app.truenorth.roadmap.RoadmapChecks.key;

import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.workspace.Products;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes over a strategy session's drafted initiatives: each becomes an initiative at stage Idea,
 * internal, with its horizon, effort, target quarter and strategic link.
 *
 * <p>This is the one path into the roadmap without a signed-in caller. It is package-private on
 * purpose: only {@link SessionHandOffListener}, which receives the session's own event after its
 * transaction committed, calls it; nothing reachable from a request does. It trusts the event's
 * workspace and product but still checks that the product belongs to that workspace, reads and
 * writes only that product's roadmap, and audits every change as "system" (there is no caller).
 */
@Service
class RoadmapHandOff {

    private final JdbcClient jdbc;
    private final Roadmaps roadmaps;
    private final Initiatives initiatives;
    private final InitiativeChecks checks;
    private final RoadmapReader reader;
    private final Products products;
    private final AuditLog audit;

    RoadmapHandOff(JdbcClient jdbc, Roadmaps roadmaps, Initiatives initiatives, InitiativeChecks checks, RoadmapReader reader,
            Products products, AuditLog audit) {
        this.jdbc = jdbc;
        this.roadmaps = roadmaps;
        this.initiatives = initiatives;
        this.checks = checks;
        this.reader = reader;
        this.products = products;
        this.audit = audit;
    }

    /** What a hand-off did: initiatives put on the roadmap, and those skipped because an earlier hand-off already had. */
    record HandOffResult(List<Long> created, int skipped) {
    }

    /**
     * Idempotent per session initiative: a draft that an earlier hand-off already put on the roadmap
     * is skipped, not updated. From the first hand-off the roadmap owns the initiative, and the team may
     * have moved, re-estimated or re-linked it since; a later delivery must not undo that. A draft whose
     * title an initiative on the roadmap already has is skipped too (the team planned it there first).
     * Only new drafts are added.
     */
    @Transactional
    HandOffResult receive(long workspaceId, long productId, long sessionId, List<InitiativeInput> drafts,
            List<Long> sessionInitiativeIds) {
        if (drafts.size() != sessionInitiativeIds.size()) {
            throw new IllegalArgumentException("one session initiative id per draft");
        }
        if (products.get(productId).workspaceId() != workspaceId) {
            throw new NotFoundException("Product");
        }
        long roadmapId = roadmaps.settings(productId, workspaceId).id();
        Set<Long> already = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        jdbc.sql("select source_initiative_id, title from roadmap_initiative where roadmap_id = :r").param("r", roadmapId)
                .query(rs -> {
                    long source = rs.getLong(1);
                    if (!rs.wasNull()) {
                        already.add(source);
                    }
                    titles.add(key(rs.getString(2)));
                });
        List<Long> created = new ArrayList<>();
        int skipped = 0;
        for (int k = 0; k < drafts.size(); k++) {
            InitiativeInput draft = drafts.get(k);
            Long sourceId = sessionInitiativeIds.get(k);
            if (already.contains(sourceId) || titles.contains(key(draft.title() == null ? "" : draft.title()))) {
                skipped++;
                continue;
            }
            long id = initiatives.insert(roadmapId, checks.check(roadmapId, workspaceId, productId, draft), sessionId, sourceId);
            Stored<Initiative> initiative = reader.initiative(roadmapId, id).orElseThrow();
            audit.record(workspaceId, "roadmap_initiative", id, "created", "Took over initiative " + initiative.value().title()
                    + " from strategy session #" + sessionId + " in " + initiative.value().horizon().label(), null, initiative);
            created.add(id);
            titles.add(key(draft.title()));
        }
        return new HandOffResult(List.copyOf(created), skipped);
    }
}
