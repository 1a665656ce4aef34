package app.truenorth.session;

import app.truenorth.market.GateDecision;
import app.truenorth.market.MarketDraft;
import app.truenorth.market.MarketModel;
import app.truenorth.market.MarketSizings;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.NotFoundException;
import app.truenorth.platform.audit.AuditLog;
import app.truenorth.platform.security.Callers;
import app.truenorth.workspace.Permission;
import app.truenorth.workspace.WorkspaceAccess;
import app.truenorth.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of strategy sessions. Every method first scopes the call to the caller's workspace
 * and role through {@link WorkspaceAccess#product}; editors change artifacts, named approvers (any
 * member of the workspace) sign off, everyone in the workspace reads. Each change loads the aggregate,
 * applies one intent-named method and saves it with its version in one transaction, with its audit
 * record, so a refused change writes nothing.
 */
@Service
public class StrategySessions {

    private final WorkspaceAccess access;
    private final Workspaces workspaces;
    private final StrategySessionRepository repository;
    private final MarketSizings market;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StrategySessions(WorkspaceAccess access, Workspaces workspaces, StrategySessionRepository repository, MarketSizings market,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.workspaces = workspaces;
        this.repository = repository;
        this.market = market;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A session of a product as listed in its history. */
    public record Summary(long id, String title, SessionState state, LocalDate startDate, String outcome) {
    }

    /** The session with its market sizing, as pages and the API show it. */
    public record Loaded(StrategySession session, MarketSizings.Sizing market) {
    }

    public List<Summary> list(long productId) {
        var product = access.product(productId, Permission.READ);
        return repository.list(product.workspaceId(), productId).stream()
                .map(s -> new Summary(s.id(), s.title(), s.state(), s.startDate(), s.outcome())).toList();
    }

    /** The product's active session, if any. */
    public java.util.Optional<Long> activeId(long productId) {
        var product = access.product(productId, Permission.READ);
        return repository.activeId(product.workspaceId(), productId);
    }

    /**
     * The session's current version, read on its own, provided the caller's role allows {@code permission}
     * (a write compares it before building its input).
     */
    public int version(long productId, long sessionId, Permission permission) {
        var product = access.product(productId, permission);
        return repository.version(product.workspaceId(), productId, sessionId);
    }

    public Loaded get(long productId, long sessionId) {
        var product = access.product(productId, Permission.READ);
        StrategySession s = repository.load(product.workspaceId(), productId, sessionId);
        return new Loaded(s, market.get(product.workspaceId(), sessionId));
    }

    /** Starts a session run by the caller. A product has one active session at a time. */
    @Transactional
    public Loaded start(long productId, String title, LocalDate startDate, String currency) {
        var product = access.product(productId, Permission.EDIT);
        if (repository.activeId(product.workspaceId(), productId).isPresent()) {
            throw new ConflictException("This product already has an active strategy session; complete or close it first.");
        }
        Currency cur;
        try {
            cur = Currency.getInstance(currency == null || currency.isBlank() ? "EUR" : currency.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "must be an ISO 4217 code such as EUR or USD");
        }
        var caller = Callers.current();
        Instant now = clock.instant();
        StrategySession s = StrategySession.start(product.workspaceId(), productId, title, new Participant(caller.id(),
                caller.displayName()), startDate, now);
        long id;
        try {
            id = repository.insert(s, now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This product already has an active strategy session; complete or close it first.");
        }
        market.create(product.workspaceId(), id, cur);
        audit.record(product.workspaceId(), "strategy_session", id, "started", "Started strategy session " + s.title(), null,
                new AuditView(s.title(), SessionState.ACTIVE.name(), null));
        return get(productId, id);
    }

    // ---- people and plan ----------------------------------------------------------------------

    @Transactional
    public Loaded addParticipant(long productId, long sessionId, Integer version, long userId) {
        return change(productId, sessionId, version, Permission.EDIT, "participant-added", "Added a participant",
                (s, ws) -> s.addParticipant(member(ws, userId, "userId")));
    }

    @Transactional
    public Loaded removeParticipant(long productId, long sessionId, Integer version, long userId) {
        return change(productId, sessionId, version, Permission.EDIT, "participant-removed", "Removed a participant",
                (s, ws) -> s.removeParticipant(userId));
    }

    @Transactional
    public Loaded nameApprovers(long productId, long sessionId, Integer version, Phase phase, List<Long> userIds) {
        return change(productId, sessionId, version, Permission.EDIT, "approvers-named", "Named the approvers of " + phase.label(),
                (s, ws) -> {
                    List<Participant> approvers = new ArrayList<>();
                    for (int i = 0; i < userIds.size(); i++) {
                        approvers.add(member(ws, userIds.get(i), "approvers[" + i + "]"));
                    }
                    s.nameApprovers(phase, approvers);
                });
    }

    @Transactional
    public Loaded plan(long productId, long sessionId, Integer version, LocalDate start, int weeks, Map<Phase, Integer> plannedWeeks) {
        return change(productId, sessionId, version, Permission.EDIT, "planned", "Changed the week-by-week plan",
                (s, ws) -> s.plan(start, weeks, plannedWeeks));
    }

    // ---- artifacts ----------------------------------------------------------------------------

    @Transactional
    public Loaded updatePositioning(long productId, long sessionId, Integer version, Positioning positioning) {
        return change(productId, sessionId, version, Permission.EDIT, "positioning-updated", "Updated the positioning statement",
                (s, ws) -> s.updatePositioning(positioning));
    }

    /** Any participant, whatever their role, may say whether they agree with the positioning. */
    @Transactional
    public Loaded vote(long productId, long sessionId, boolean agree, String comment) {
        return change(productId, sessionId, null, Permission.READ, "positioning-vote",
                (agree ? "Agreed" : "Disagreed") + " with the positioning",
                (s, ws) -> s.recordVote(Callers.current().id(), agree, comment, clock.instant()));
    }

    @Transactional
    public Loaded updateFraming(long productId, long sessionId, Integer version, ProblemFraming framing) {
        return change(productId, sessionId, version, Permission.EDIT, "framing-updated", "Updated the problem framing canvas",
                (s, ws) -> s.updateFraming(framing));
    }

    @Transactional
    public Loaded addStatement(long productId, long sessionId, Integer version, ProblemStatement statement) {
        return change(productId, sessionId, version, Permission.EDIT, "statement-added",
                "Added the problem statement of " + statement.persona(), (s, ws) -> s.addStatement(statement));
    }

    @Transactional
    public Loaded updateStatement(long productId, long sessionId, Integer version, long statementId, ProblemStatement statement) {
        return change(productId, sessionId, version, Permission.EDIT, "statement-updated",
                "Updated the problem statement of " + statement.persona(), (s, ws) -> s.updateStatement(statementId, statement));
    }

    @Transactional
    public Loaded removeStatement(long productId, long sessionId, Integer version, long statementId) {
        return change(productId, sessionId, version, Permission.EDIT, "statement-removed", "Removed a problem statement",
                (s, ws) -> s.removeStatement(statementId));
    }

    @Transactional
    public Loaded addInitiative(long productId, long sessionId, Integer version, PlannedInitiative initiative) {
        return change(productId, sessionId, version, Permission.EDIT, "initiative-added", "Drafted initiative " + initiative.title(),
                (s, ws) -> s.addInitiative(initiative));
    }

    @Transactional
    public Loaded updateInitiative(long productId, long sessionId, Integer version, long initiativeId, PlannedInitiative initiative) {
        return change(productId, sessionId, version, Permission.EDIT, "initiative-updated", "Updated initiative " + initiative.title(),
                (s, ws) -> s.updateInitiative(initiativeId, initiative));
    }

    @Transactional
    public Loaded removeInitiative(long productId, long sessionId, Integer version, long initiativeId) {
        return change(productId, sessionId, version, Permission.EDIT, "initiative-removed", "Removed a drafted initiative",
                (s, ws) -> s.removeInitiative(initiativeId));
    }

    @Transactional
    public Loaded writeSynthesis(long productId, long sessionId, Integer version, Phase phase, String note) {
        return change(productId, sessionId, version, Permission.EDIT, "synthesis-written",
                "Wrote the synthesis note of " + phase.label(), (s, ws) -> s.writeSynthesis(phase, note));
    }

    /**
     * Saves the market model. Market sizing must be open; the market's own version guards concurrent
     * edits of the model, and the edit discards partial sign-offs of the phase like any artifact edit.
     */
    @Transactional
    public Loaded saveMarket(long productId, long sessionId, int marketVersion, MarketDraft draft) {
        var product = access.product(productId, Permission.EDIT);
        MarketModel model = draft.toModel();
        StrategySession s = repository.load(product.workspaceId(), productId, sessionId);
        s.marketEdited();
        market.save(product.workspaceId(), sessionId, model, marketVersion);
        repository.update(s, clock.instant());
        return get(productId, sessionId);
    }

    @Transactional
    public Loaded decideGate(long productId, long sessionId, Integer version, GateDecision decision, String rationale) {
        return change(productId, sessionId, version, Permission.EDIT, "gate-decided",
                "Go/no-go decision: " + (decision == null ? "?" : decision.label()), (s, ws) -> {
                    var sizing = market.get(ws, sessionId);
                    var caller = Callers.current();
                    s.decideGate(decision, rationale, new Participant(caller.id(), caller.displayName()), sizing.result().gate(),
                            clock.instant());
                });
    }

    // ---- sign-off -----------------------------------------------------------------------------

    @Transactional
    public Loaded signOff(long productId, long sessionId, Integer version, Phase phase) {
        long[] workspace = new long[1];
        boolean[] completed = new boolean[1];
        Loaded loaded = change(productId, sessionId, version, approverOf(phase, "sign it off"), "signed-off",
                Callers.current().displayName() + " signed off " + phase.label(), (s, ws) -> {
                    workspace[0] = ws;
                    completed[0] = s.signOff(phase, Callers.current().id(), clock.instant());
                });
        if (completed[0] && phase == Phase.ROADMAP_PLANNING) {
            StrategySession s = loaded.session();
            // inside the transaction: the event publication registry stores it with the sign-off
            events.publishEvent(new RoadmapHandedOff(workspace[0], productId, sessionId, s.draftInitiatives()));
        }
        return loaded;
    }

    @Transactional
    public Loaded requestChanges(long productId, long sessionId, Integer version, Phase phase, String comment) {
        return change(productId, sessionId, version, approverOf(phase, "request changes"), "changes-requested",
                Callers.current().displayName() + " requested changes to " + phase.label(),
                (s, ws) -> s.requestChanges(phase, Callers.current().id(), comment, clock.instant()));
    }

    @Transactional
    public Loaded reopen(long productId, long sessionId, Integer version, Phase phase, String reason) {
        return change(productId, sessionId, version, s -> {
                    long caller = Callers.current().id();
                    if (caller != s.facilitator().userId() && !s.isApprover(phase, caller)) {
                        throw new ForbiddenException("Only the facilitator or an approver of " + phase.label() + " can reopen it.");
                    }
                }, "reopened", "Reopened " + phase.label(),
                (s, ws) -> s.reopen(phase, Callers.current().id(), reason, clock.instant()));
    }

    @Transactional
    public Loaded confirm(long productId, long sessionId, Integer version, Phase phase) {
        return change(productId, sessionId, version, approverOf(phase, "confirm it"), "confirmed", "Confirmed " + phase.label() + " after review",
                (s, ws) -> s.confirm(phase, Callers.current().id(), clock.instant()));
    }

    /** Today in the sessions' calendar (UTC), for plan-vs-actual. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- internals ----------------------------------------------------------------------------

    /** What the audit trail keeps of a session change. */
    record AuditView(String title, String state, Map<String, String> phases) {

        static AuditView of(StrategySession s) {
            Map<String, String> phases = new java.util.LinkedHashMap<>();
            for (Phase p : Phase.values()) {
                phases.put(p.name(), s.status(p).name());
            }
            return new AuditView(s.title(), s.state().name(), phases);
        }
    }

    private interface Change {
        void apply(StrategySession session, long workspaceId);
    }

    /**
     * An action any member may attempt but only the phase's named approvers may take, whatever their role.
     * Checked before the version, so someone who may not act hears that rather than about a stale page.
     */
    private static java.util.function.Consumer<StrategySession> approverOf(Phase phase, String what) {
        return s -> {
            if (!s.isApprover(phase, Callers.current().id())) {
                throw new ForbiddenException("Only the named approvers of " + phase.label() + " can " + what + ".");
            }
        };
    }

    private Loaded change(long productId, long sessionId, Integer expectedVersion, Permission permission, String action,
            String summary, Change change) {
        return change(productId, sessionId, expectedVersion, permission, s -> { }, action, summary, change);
    }

    private Loaded change(long productId, long sessionId, Integer expectedVersion,
            java.util.function.Consumer<StrategySession> mayAct, String action, String summary, Change change) {
        return change(productId, sessionId, expectedVersion, Permission.READ, mayAct, action, summary, change);
    }

    private Loaded change(long productId, long sessionId, Integer expectedVersion, Permission permission,
            java.util.function.Consumer<StrategySession> mayAct, String action, String summary, Change change) {
        var product = access.product(productId, permission);
        StrategySession s = repository.load(product.workspaceId(), productId, sessionId);
        mayAct.accept(s);
        if (expectedVersion != null && expectedVersion != s.version()) {
            throw ConflictException.staleVersion("The strategy session");
        }
        AuditView before = AuditView.of(s);
        change.apply(s, product.workspaceId());
        repository.update(s, clock.instant());
        StrategySession after = repository.load(product.workspaceId(), productId, sessionId);
        audit.record(product.workspaceId(), "strategy_session", sessionId, action, summary, before, AuditView.of(after));
        return new Loaded(after, market.get(product.workspaceId(), sessionId));
    }

    private Participant member(long workspaceId, long userId, String field) {
        try {
            var m = workspaces.member(workspaceId, userId);
            return new Participant(m.userId(), m.displayName());
        } catch (NotFoundException e) {
            throw new InvalidInputException(field, "must be a member of this workspace");
        }
    }
}
