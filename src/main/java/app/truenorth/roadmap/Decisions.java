package app.truenorth.roadmap;

import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.Versioned;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.roadmap.RoadmapInputs.BulkDecision;
import app.truenorth.roadmap.RoadmapInputs.DecisionInput;
import app.truenorth.roadmap.Roadmaps.Target;
import app.truenorth.roadmap.domain.Decision;
import app.truenorth.roadmap.domain.Initiative;
import app.truenorth.roadmap.domain.Objective;
import app.truenorth.roadmap.domain.Theme;
import app.truenorth.session.StrategyArtifacts;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.WorkspaceAccess.ProductAccess;
import app.truenorth.workspace.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roadmap's decision log: what the team decided, why, when and who decided, linked to the
 * initiatives, themes and objectives it concerns. Key decisions are what an executive one-pager shows;
 * internal ones never reach a sales or customer view. Like every roadmap change, each step is checked
 * against the caller's workspace and role ({@link WorkspaceAccess#product}), versioned and audited.
 *
 * <p>The go/no-go decisions of the product's strategy sessions are decisions too, but they belong to the
 * session: {@link #strategyDecisions} reads them, as they stand there, for pages and views that show them
 * beside the log.
 */
@Service
public class Decisions {

    private final JdbcClient jdbc;
    private final WorkspaceAccess access;
    private final Roadmaps roadmaps;
    private final Workspaces workspaces;
    private final StrategyArtifacts artifacts;
    private final AuditLog audit;
    private final Clock clock;
    private final RoadmapReader reader;

    Decisions(JdbcClient jdbc, WorkspaceAccess access, Roadmaps roadmaps, RoadmapReader reader, Workspaces workspaces,
            StrategyArtifacts artifacts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.roadmaps = roadmaps;
        this.workspaces = workspaces;
        this.artifacts = artifacts;
        this.audit = audit;
        this.clock = clock;
        this.reader = reader;
    }

    /**
     * A go/no-go decision taken at the market-sizing gate of one of the product's strategy sessions.
     *
     * @param outcome "Go" or "No-go"
     */
    public record StrategyDecision(long sessionId, String sessionTitle, String outcome, String rationale, String decidedBy,
            LocalDate decidedOn) {

        public String title() {
            return outcome + " at the go/no-go gate of “" + sessionTitle + "”";
        }
    }

    /** A member who can be named as the one who decided. */
    public record Decider(long userId, String name) {
    }

    // ---------------------------------------------------------------- reading

    /** The decision log, latest first. */
    public List<Stored<Decision>> list(long productId) {
        return reader.decisions(roadmaps.readable(productId).roadmapId(), null);
    }

    public Stored<Decision> get(long productId, long decisionId) {
        return reader.decision(roadmaps.readable(productId).roadmapId(), decisionId)
                .orElseThrow(() -> new NotFoundException("Decision"));
    }

    /** The go/no-go decisions of the product's strategy sessions, latest first. */
    public List<StrategyDecision> strategyDecisions(long productId) {
        ProductAccess product = access.product(productId, Permission.READ);
        return strategyDecisions(product.workspaceId(), product.productId());
    }

    /**
     * The same for a share link, read without a signed-in caller. Only for the views module, after it has
     * verified the link's token for exactly this product and workspace (as {@link Roadmaps#loadShared}).
     */
    public List<StrategyDecision> sharedStrategyDecisions(long workspaceId, long productId) {
        return strategyDecisions(workspaceId, productId);
    }

    private List<StrategyDecision> strategyDecisions(long workspaceId, long productId) {
        return artifacts.gateDecisions(workspaceId, productId).stream()
                .map(g -> new StrategyDecision(g.sessionId(), g.sessionTitle(), g.outcome(), g.rationale(), g.decidedBy(),
                        LocalDate.ofInstant(g.decidedAt(), clock.getZone())))
                .toList();
    }

    /** The workspace's members, for the "decided by" choice. */
    public List<Decider> deciders(long productId) {
        ProductAccess product = access.product(productId, Permission.READ);
        return workspaces.members(product.workspaceId()).stream().map(m -> new Decider(m.userId(), m.displayName())).toList();
    }

    // ---------------------------------------------------------------- changing

    @Transactional
    public Stored<Decision> create(long productId, DecisionInput input) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        RoadmapData data = roadmaps.read(product);
        long roadmapId = data.settings().id();
        long id = insert(roadmapId, check(product, data, input), input, OffsetDateTime.now(clock));
        Stored<Decision> decision = reader.decision(roadmapId, id).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_decision", id, "created", "Recorded decision " + decision.value().title()
                + (decision.value().keyDecision() ? " (key)" : ""), null, decision);
        return decision;
    }

    @Transactional
    public Stored<Decision> update(long productId, long decisionId, DecisionInput input, int expectedVersion) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        RoadmapData data = roadmaps.read(product);
        long roadmapId = data.settings().id();
        Stored<Decision> before = reader.decision(roadmapId, decisionId).orElseThrow(() -> new NotFoundException("Decision"));
        Decision checked = check(product, data, input);
        int rows = jdbc.sql(DecisionTable.UPDATE).params(DecisionTable.values(checked)).param("now", OffsetDateTime.now(clock))
                .param("id", decisionId).param("roadmap_id", roadmapId).param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The decision");
        for (DecisionTable.Link link : DecisionTable.Link.values()) {
            jdbc.sql(link.deleteAll()).param("decision_id", decisionId).update();
        }
        link(decisionId, input);
        Stored<Decision> after = reader.decision(roadmapId, decisionId).orElseThrow();
        audit.record(product.workspaceId(), "roadmap_decision", decisionId, "updated", "Updated decision " + after.value().title(),
                before, after);
        return after;
    }

    @Transactional
    public void delete(long productId, long decisionId, int expectedVersion) {
        Target target = roadmaps.editable(productId);
        Stored<Decision> before = reader.decision(target.roadmapId(), decisionId)
                .orElseThrow(() -> new NotFoundException("Decision"));
        int rows = jdbc.sql(DecisionTable.DELETE).param("id", decisionId).param("roadmap_id", target.roadmapId())
                .param("version", expectedVersion).update();
        Versioned.requireUpdated(rows, "The decision");
        audit.record(target.workspaceId(), "roadmap_decision", decisionId, "deleted", "Deleted decision " + before.value().title(),
                before, null);
    }

    /** Stores a checked decision and what it concerns. */
    private long insert(long roadmapId, Decision checked, DecisionInput input, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(DecisionTable.INSERT).param("roadmap_id", roadmapId).params(DecisionTable.values(checked)).param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        link(id, input);
        return id;
    }

    /** The decision as it will be stored (id 0; what it concerns is linked separately), once every rule passes. */
    private Decision check(ProductAccess product, RoadmapData data, DecisionInput in) {
        Map<String, String> problems = new LinkedHashMap<>();
        String decidedBy = in.decidedBy() == null ? "" : in.decidedBy().trim();
        if (in.decidedByUserId() != null) {
            var member = workspaces.members(product.workspaceId()).stream().filter(m -> m.userId() == in.decidedByUserId())
                    .findFirst();
            if (member.isEmpty()) {
                problems.put("decidedByUserId", "must be a member of this workspace");
            } else if (!decidedBy.isEmpty() && !decidedBy.equals(member.get().displayName())) {
                problems.put("decidedBy", "choose a member or write a name, not both");
            } else {
                decidedBy = member.get().displayName();
            }
        }
        Decision.problems(in.title(), in.rationale(), in.decidedOn(), decidedBy, LocalDate.now(clock)).forEach(problems::putIfAbsent);
        if (problems.containsKey("decidedByUserId")) {
            problems.remove("decidedBy"); // one message about who decided is enough
        }
        Set<Long> initiatives = ids(data.initiativeList().stream().map(Initiative::id).toList());
        Set<Long> themes = ids(data.themeList().stream().map(Theme::id).toList());
        Set<Long> objectives = ids(data.objectiveList().stream().map(Objective::id).toList());
        if (in.initiativeIds() != null && !initiatives.containsAll(in.initiativeIds())) {
            problems.put("initiativeIds", "names an initiative that is not on this roadmap (it may have been deleted)");
        }
        if (in.themeIds() != null && !themes.containsAll(in.themeIds())) {
            problems.put("themeIds", "names a theme that is not on this roadmap (it may have been deleted)");
        }
        if (in.objectiveIds() != null && !objectives.containsAll(in.objectiveIds())) {
            problems.put("objectiveIds", "names an objective that is not on this roadmap (it may have been deleted)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Decision(0, in.title().trim(), rationale(in.rationale()), in.decidedOn(), decidedBy, in.decidedByUserId(),
                Boolean.TRUE.equals(in.keyDecision()), in.visibility(), List.of(), List.of(), List.of());
    }

    private static Set<Long> ids(Collection<Long> ids) {
        return new HashSet<>(ids);
    }

    private void link(long decisionId, DecisionInput in) {
        link(decisionId, in.initiativeIds(), in.themeIds(), in.objectiveIds());
    }

    private void link(long decisionId, Collection<Long> initiatives, Collection<Long> themes, Collection<Long> objectives) {
        try {
            insertLinks(DecisionTable.Link.INITIATIVE, decisionId, initiatives);
            insertLinks(DecisionTable.Link.THEME, decisionId, themes);
            insertLinks(DecisionTable.Link.OBJECTIVE, decisionId, objectives);
        } catch (DataIntegrityViolationException e) {
            // something was deleted between the check and the link: refuse the whole change
            throw new InvalidInputException("initiativeIds",
                    "An initiative, theme or objective it concerns was deleted meanwhile. Reload and choose again.");
        }
    }

    private void insertLinks(DecisionTable.Link link, long decisionId, Collection<Long> targets) {
        if (targets == null) {
            return;
        }
        for (Long target : new LinkedHashSet<>(targets)) {
            jdbc.sql(link.insert()).param("decision_id", decisionId).param("target", target).update();
        }
    }

    // ---------------------------------------------------------------- bulk (imports)

    /**
     * What a bulk write of decisions did or would do.
     *
     * @param notes what was adjusted, by the caller's line number (objectives that are not on the roadmap are left out)
     */
    public record BulkDecisionOutcome(int accepted, List<BulkRejection> rejected, Map<Integer, String> notes, boolean written) {
    }

    /**
     * Checks, and with {@code write} stores, decisions of an import or {@code truenorth push}. What a decision
     * concerns is named: initiatives by title, themes by name, objectives by title (case does not matter). A
     * name must be on the roadmap, or among {@code initiativesToCome} / {@code themesToCome} (the same file's,
     * not stored yet: checked before the initiatives are written, so that a refused decision stops the whole
     * import). An objective that is not on the roadmap is left out with a note rather than refused, because
     * the roadmap file carries no objectives. A title that several initiatives share links all of them.
     * Writes only the accepted rows, in the caller's transaction, with one audit record.
     */
    @Transactional
    public BulkDecisionOutcome addDecisions(long productId, List<BulkDecision> rows, Collection<String> initiativesToCome,
            Collection<String> themesToCome, boolean write, String source) {
        ProductAccess product = access.product(productId, Permission.EDIT);
        RoadmapData data = roadmaps.read(product);
        Map<String, List<Long>> initiatives = new HashMap<>();
        data.initiativeList().forEach(i -> initiatives.computeIfAbsent(key(i.title()), k -> new ArrayList<>()).add(i.id()));
        Map<String, Long> themes = new HashMap<>();
        data.themeList().forEach(t -> themes.put(key(t.name()), t.id()));
        Map<String, List<Long>> objectives = new HashMap<>();
        data.objectiveList().forEach(o -> objectives.computeIfAbsent(key(o.title()), k -> new ArrayList<>()).add(o.id()));
        Set<String> comingInitiatives = new HashSet<>();
        initiativesToCome.forEach(t -> comingInitiatives.add(key(t)));
        Set<String> comingThemes = new HashSet<>();
        themesToCome.forEach(t -> comingThemes.add(key(t)));
        LocalDate today = LocalDate.now(clock);

        List<BulkRejection> rejected = new ArrayList<>();
        Map<Integer, String> notes = new LinkedHashMap<>();
        List<DecisionInput> accepted = new ArrayList<>();
        for (BulkDecision row : rows) {
            Map<String, String> problems = new LinkedHashMap<>(Decision.problems(row.title(), row.rationale(), row.decidedOn(),
                    row.decidedBy(), today));
            List<Long> initiativeIds = new ArrayList<>();
            for (String title : row.initiatives()) {
                List<Long> found = initiatives.get(key(title));
                if (found != null) {
                    initiativeIds.addAll(found);
                } else if (!comingInitiatives.contains(key(title))) {
                    problems.merge("initiatives", "no initiative titled “" + title.trim() + "” on the roadmap or in the file",
                            (a, b) -> a + "; " + b);
                }
            }
            List<Long> themeIds = new ArrayList<>();
            for (String name : row.themes()) {
                Long found = themes.get(key(name));
                if (found != null) {
                    themeIds.add(found);
                } else if (!comingThemes.contains(key(name))) {
                    problems.merge("themes", "no theme named “" + name.trim() + "” on the roadmap or in the file", (a, b) -> a + "; " + b);
                }
            }
            List<Long> objectiveIds = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String title : row.objectives()) {
                List<Long> found = objectives.get(key(title));
                if (found != null) {
                    objectiveIds.addAll(found);
                } else {
                    missing.add("“" + title.trim() + "”");
                }
            }
            if (!missing.isEmpty()) {
                notes.put(row.line(), "not linked to objectives this roadmap does not have: " + String.join(", ", missing));
            }
            if (!problems.isEmpty()) {
                problems.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(p -> rejected.add(new BulkRejection(row.line(), p.getKey(), p.getValue())));
                continue;
            }
            accepted.add(new DecisionInput(row.title(), row.rationale(), row.decidedOn(), row.decidedBy(), null, row.keyDecision(),
                    row.visibility(), initiativeIds, themeIds, objectiveIds));
        }
        if (!write) {
            return new BulkDecisionOutcome(accepted.size(), rejected, notes, false);
        }
        long roadmapId = data.settings().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (DecisionInput in : accepted) {
            insert(roadmapId, new Decision(0, in.title().trim(), rationale(in.rationale()), in.decidedOn(), in.decidedBy().trim(), null,
                    Boolean.TRUE.equals(in.keyDecision()), in.visibility(), List.of(), List.of(), List.of()), in, now);
        }
        if (!accepted.isEmpty()) {
            audit.record(product.workspaceId(), "roadmap", roadmapId, "imported", "Imported " + accepted.size() + " decisions from "
                    + source, null, Map.of("source", source, "decisions", accepted.stream().map(DecisionInput::title).toList()));
        }
        return new BulkDecisionOutcome(accepted.size(), rejected, notes, true);
    }

    /** Trimmed, with one kind of line break whatever the browser sent, so every export reads it the same. */
    private static String rationale(String text) {
        return text.trim().replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
