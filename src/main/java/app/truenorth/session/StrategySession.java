package app.truenorth.session;

import app.truenorth.market.GateDecision;
import app.truenorth.market.MarketResult;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import app.truenorth.platform.Problems;
import app.truenorth.session.SessionRecords.ChangeRequest;
import app.truenorth.session.SessionRecords.CollapsedPair;
import app.truenorth.session.SessionRecords.Decision;
import app.truenorth.session.SessionRecords.DecisionKind;
import app.truenorth.session.SessionRecords.Gate;
import app.truenorth.session.SessionRecords.PhasePlan;
import app.truenorth.session.SessionRecords.PlanWeek;
import app.truenorth.session.SessionRecords.SignOff;
import app.truenorth.session.SessionRecords.Vote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A strategy session's gating rules, kept in one aggregate because every state change must pass them: five
 * phases worked through in a fixed order, each signed off by all of its named approvers before the next opens. Every state change goes through an intent-named method here,
 * which enforces the gating rules; persistence and the web only call these methods.
 */
public final class StrategySession {

    /** Plan length when a session starts: positioning; framing + statements; market sizing; roadmap. */
    public static final int DEFAULT_WEEKS = 4;
    static final int MAX_WEEKS = 12;
    static final int MIN_VALIDATED_STATEMENTS = 3;

    /** What the aggregate knows per phase. */
    static final class PhaseRecord {
        final List<Participant> approvers = new ArrayList<>();
        final List<SignOff> signOffs = new ArrayList<>();
        final List<ChangeRequest> changeRequests = new ArrayList<>();
        String synthesis = "";
        boolean needsReview;
        Instant signedOffAt;
        int plannedWeek;
    }

    private final Long id;
    private final long workspaceId;
    private final long productId;
    private String title;
    private final Participant facilitator;
    private LocalDate startDate;
    private SessionState state;
    private String outcome;
    private final int version;
    private final Instant createdAt;
    private int weeks;
    private final Map<Long, Participant> participants = new LinkedHashMap<>();
    private final EnumMap<Phase, PhaseRecord> phases = new EnumMap<>(Phase.class);
    private Positioning positioning = Positioning.EMPTY;
    private final Map<Long, Vote> votes = new LinkedHashMap<>();
    private ProblemFraming framing = ProblemFraming.EMPTY;
    private final List<ProblemStatement> statements = new ArrayList<>();
    private final List<PlannedInitiative> initiatives = new ArrayList<>();
    private Gate gate;
    private final List<Decision> history = new ArrayList<>();

    StrategySession(Long id, long workspaceId, long productId, String title, Participant facilitator, LocalDate startDate,
            SessionState state, String outcome, int weeks, int version, Instant createdAt) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.productId = productId;
        this.title = title;
        this.facilitator = Objects.requireNonNull(facilitator);
        this.startDate = startDate;
        this.state = state;
        this.outcome = outcome;
        this.weeks = weeks;
        this.version = version;
        this.createdAt = createdAt;
        for (Phase p : Phase.values()) {
            phases.put(p, new PhaseRecord());
        }
        participants.put(facilitator.userId(), facilitator);
    }

    /** A new session run by {@code facilitator}, with the default four-week plan. */
    public static StrategySession start(long workspaceId, long productId, String title, Participant facilitator,
            LocalDate startDate, Instant now) {
        String cleanTitle = Positioning.clean(title);
        if (cleanTitle.isEmpty()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (cleanTitle.length() > 200) {
            throw new InvalidInputException("title", "must be at most 200 characters");
        }
        if (startDate == null) {
            throw new InvalidInputException("startDate", "is required");
        }
        var session = new StrategySession(null, workspaceId, productId, cleanTitle, facilitator, startDate, SessionState.ACTIVE,
                null, DEFAULT_WEEKS, 0, now);
        int[] defaultWeeks = {1, 2, 2, 3, 4};
        for (Phase p : Phase.values()) {
            session.phases.get(p).plannedWeek = defaultWeeks[p.ordinal()];
        }
        return session;
    }

    // ---- status -------------------------------------------------------------------------------

    public PhaseStatus status(Phase phase) {
        PhaseRecord r = phases.get(phase);
        if (r.signedOffAt != null) {
            return r.needsReview ? PhaseStatus.NEEDS_REVIEW : PhaseStatus.SIGNED_OFF;
        }
        Phase previous = phase.previous();
        if (previous != null && status(previous) != PhaseStatus.SIGNED_OFF) {
            return PhaseStatus.LOCKED;
        }
        return r.signOffs.isEmpty() ? PhaseStatus.OPEN : PhaseStatus.AWAITING_SIGN_OFF;
    }

    /** The phase being worked on: the first that is not signed off, or null when all are. */
    public Phase currentPhase() {
        for (Phase p : Phase.values()) {
            if (status(p) != PhaseStatus.SIGNED_OFF) {
                return p;
            }
        }
        return null;
    }

    public boolean isActive() {
        return state == SessionState.ACTIVE;
    }

    // ---- people -------------------------------------------------------------------------------

    public void addParticipant(Participant person) {
        requireActive();
        participants.putIfAbsent(person.userId(), person);
    }

    public void removeParticipant(long userId) {
        requireActive();
        if (userId == facilitator.userId()) {
            throw new InvalidInputException("userId", "the facilitator always takes part");
        }
        for (Phase p : Phase.values()) {
            if (isApprover(p, userId)) {
                throw new InvalidInputException("userId", "is an approver of " + p.label() + "; name other approvers first");
            }
        }
        participants.remove(userId);
        votes.remove(userId);
    }

    /**
     * Names who must sign off a phase. Changing the approvers of a phase that is awaiting sign-off
     * discards its partial sign-offs, since the new set has not agreed together.
     */
    public void nameApprovers(Phase phase, List<Participant> approvers) {
        requireActive();
        PhaseStatus status = status(phase);
        if (status == PhaseStatus.SIGNED_OFF || status == PhaseStatus.NEEDS_REVIEW) {
            throw new ConflictException(phase.label() + " is signed off; reopen it before changing its approvers.");
        }
        if (approvers == null || approvers.isEmpty()) {
            throw new InvalidInputException("approvers", "name at least one approver");
        }
        if (approvers.size() > 20) {
            throw new InvalidInputException("approvers", "at most 20 approvers");
        }
        Set<Long> ids = approvers.stream().map(Participant::userId).collect(Collectors.toSet());
        if (ids.size() != approvers.size()) {
            throw new InvalidInputException("approvers", "each approver once");
        }
        PhaseRecord r = phases.get(phase);
        r.approvers.clear();
        r.approvers.addAll(approvers);
        r.signOffs.clear();
        approvers.forEach(a -> participants.putIfAbsent(a.userId(), a));
    }

    public boolean isApprover(Phase phase, long userId) {
        return phases.get(phase).approvers.stream().anyMatch(a -> a.userId() == userId);
    }

    // ---- artifacts ------------------------------------------------------------------------------

    /**
     * Replaces the positioning parts. Differentiators that carry an id keep it (they may be linked
     * from initiatives); an id this session never issued is refused.
     */
    public void updatePositioning(Positioning updated) {
        requireEditable(Phase.POSITIONING);
        Set<Long> known = positioning.differentiators().stream().map(Positioning.Differentiator::id)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        for (int i = 0; i < updated.differentiators().size(); i++) {
            Long did = updated.differentiators().get(i).id();
            if (did != null && !known.contains(did)) {
                throw new InvalidInputException("differentiators[" + i + "]", "refers to a differentiator this session does not have");
            }
        }
        positioning = updated;
        edited(Phase.POSITIONING);
    }

    /** A participant agrees or disagrees with the positioning statement (one view each, latest wins). */
    public void recordVote(long userId, boolean agree, String comment, Instant at) {
        requireActive();
        Participant who = participants.get(userId);
        if (who == null) {
            throw new ForbiddenException("Only participants of the session can agree or disagree with the positioning.");
        }
        if (status(Phase.POSITIONING) == PhaseStatus.LOCKED) {
            throw new ConflictException("Positioning is locked.");
        }
        String text = Positioning.clean(comment);
        if (text.length() > 1000) {
            throw new InvalidInputException("comment", "must be at most 1000 characters");
        }
        if (!agree && text.isEmpty()) {
            throw new InvalidInputException("comment", "say what you disagree with, so the team can address it");
        }
        votes.put(userId, new Vote(userId, who.name(), agree, text, at));
    }

    /** Share of voting participants who agree, 0–100 with one decimal; null when nobody voted yet. */
    public BigDecimal alignmentPercent() {
        if (votes.isEmpty()) {
            return null;
        }
        long agree = votes.values().stream().filter(Vote::agree).count();
        return BigDecimal.valueOf(agree * 100).divide(BigDecimal.valueOf(votes.size()), 1, RoundingMode.HALF_UP);
    }

    public void updateFraming(ProblemFraming updated) {
        requireEditable(Phase.PROBLEM_FRAMING);
        framing = Objects.requireNonNull(updated);
        edited(Phase.PROBLEM_FRAMING);
    }

    public void addStatement(ProblemStatement statement) {
        requireEditable(Phase.PROBLEM_STATEMENTS);
        if (statements.size() >= 30) {
            throw new InvalidInputException("persona", "at most 30 problem statements per session");
        }
        statements.add(statement.withId(null));
        edited(Phase.PROBLEM_STATEMENTS);
    }

    public void updateStatement(long statementId, ProblemStatement statement) {
        requireEditable(Phase.PROBLEM_STATEMENTS);
        int index = indexOfStatement(statementId);
        statements.set(index, statement.withId(statementId));
        edited(Phase.PROBLEM_STATEMENTS);
    }

    public void removeStatement(long statementId) {
        requireEditable(Phase.PROBLEM_STATEMENTS);
        statements.remove(indexOfStatement(statementId));
        // initiatives that pointed at it become orphans rather than dangling links
        initiatives.replaceAll(i -> i.linkKind() == LinkKind.PROBLEM_STATEMENT && Objects.equals(i.linkId(), statementId)
                ? i.unlinked() : i);
        edited(Phase.PROBLEM_STATEMENTS);
    }

    public long validatedStatements() {
        return statements.stream().filter(ProblemStatement::validated).count();
    }

    public void addInitiative(PlannedInitiative initiative) {
        requireEditable(Phase.ROADMAP_PLANNING);
        if (initiatives.size() >= 50) {
            throw new InvalidInputException("title", "at most 50 initiatives in the draft roadmap");
        }
        requireLinkExists(initiative);
        requireEstimate(initiative);
        initiatives.add(initiative.withId(null));
        edited(Phase.ROADMAP_PLANNING);
    }

    public void updateInitiative(long initiativeId, PlannedInitiative initiative) {
        requireEditable(Phase.ROADMAP_PLANNING);
        int index = indexOfInitiative(initiativeId);
        requireLinkExists(initiative);
        requireEstimate(initiative);
        initiatives.set(index, initiative.withId(initiativeId));
        edited(Phase.ROADMAP_PLANNING);
    }

    public void removeInitiative(long initiativeId) {
        requireEditable(Phase.ROADMAP_PLANNING);
        initiatives.remove(indexOfInitiative(initiativeId));
        edited(Phase.ROADMAP_PLANNING);
    }

    /** What the initiative links to, in words; "Orphaned" when it links to nothing (or to something removed). */
    public String linkLabel(PlannedInitiative initiative) {
        if (initiative.linkKind() == null) {
            return null;
        }
        return switch (initiative.linkKind()) {
            case DIFFERENTIATOR -> positioning.differentiators().stream().filter(d -> Objects.equals(d.id(), initiative.linkId()))
                    .findFirst().map(Positioning.Differentiator::text).orElse(null);
            case PROBLEM_STATEMENT -> statements.stream().filter(s -> Objects.equals(s.id(), initiative.linkId()))
                    .findFirst().map(s -> s.persona() + ": " + s.outcome()).orElse(null);
        };
    }

    /** Notes what the phase changed in the team's thinking; needed before anyone signs off. */
    public void writeSynthesis(Phase phase, String note) {
        requireEditable(phase);
        String text = Positioning.clean(note);
        if (text.length() > 4000) {
            throw new InvalidInputException("synthesis", "must be at most 4000 characters");
        }
        phases.get(phase).synthesis = text;
    }

    /**
     * Records the go/no-go decision at the end of market sizing. Going ahead needs market figures and
     * a SOM threshold to compare them with; no-go closes the session with the rationale as its outcome.
     */
    public void decideGate(GateDecision decision, String rationale, Participant by, MarketResult.GateAssessment assessment,
            Instant at) {
        requireEditable(Phase.MARKET_SIZING);
        if (decision == null) {
            throw new InvalidInputException("decision", "choose go, no-go or revisit");
        }
        String text = Positioning.clean(rationale);
        if (text.isEmpty()) {
            throw new InvalidInputException("rationale", "explain the decision");
        }
        if (text.length() > 4000) {
            throw new InvalidInputException("rationale", "must be at most 4000 characters");
        }
        if (decision == GateDecision.GO && assessment == null) {
            throw new InvalidInputException("decision", "size the market and set a SOM threshold before deciding to go");
        }
        gate = new Gate(decision, text, by.userId(), by.name(), at);
        history.add(new Decision(Phase.MARKET_SIZING, DecisionKind.GATE, by.userId(), by.name(), decision.label() + ": " + text, at));
        edited(Phase.MARKET_SIZING);
        if (decision == GateDecision.NO_GO) {
            state = SessionState.CLOSED_NO_GO;
            outcome = text;
        }
    }

    /**
     * The market model changed: like any artifact edit, it needs market sizing open and resets its
     * sign-offs. A gate decision taken on the old figures no longer stands; the team decides again.
     */
    public void marketEdited() {
        requireEditable(Phase.MARKET_SIZING);
        edited(Phase.MARKET_SIZING);
        gate = null;
    }

    // ---- sign-off and review --------------------------------------------------------------------

    /**
     * An approver signs off a phase. The phase completes when every named approver has; completing
     * roadmap planning completes the session.
     *
     * @return true when this sign-off completed the phase
     */
    public boolean signOff(Phase phase, long userId, Instant at) {
        requireActive();
        // who may act is checked before the phase's state, so a non-approver always hears "not yours"
        PhaseRecord r = phases.get(phase);
        Participant approver = r.approvers.stream().filter(a -> a.userId() == userId).findFirst()
                .orElseThrow(() -> new ForbiddenException("Only the named approvers of " + phase.label()
                        + " can sign it off" + (r.approvers.isEmpty() ? "; none are named yet." : ": "
                        + r.approvers.stream().map(Participant::name).collect(Collectors.joining(", ")) + ".")));
        PhaseStatus status = status(phase);
        if (status == PhaseStatus.LOCKED) {
            Phase blocking = phase.previous();
            while (blocking.previous() != null && status(blocking.previous()) != PhaseStatus.SIGNED_OFF) {
                blocking = blocking.previous();
            }
            throw new ConflictException("You can't sign off " + phase.label() + " yet: " + blocking.label()
                    + " must be signed off by all of its approvers first.");
        }
        if (status == PhaseStatus.SIGNED_OFF) {
            throw new ConflictException(phase.label() + " is already signed off.");
        }
        if (status == PhaseStatus.NEEDS_REVIEW) {
            throw new ConflictException(phase.label() + " needs review: confirm it still holds, or reopen it.");
        }
        if (r.signOffs.stream().anyMatch(s -> s.userId() == userId)) {
            throw new ConflictException("You have already signed off " + phase.label() + ".");
        }
        List<ChangeRequest> open = r.changeRequests.stream().filter(c -> !c.addressed()).toList();
        if (!open.isEmpty()) {
            throw new ConflictException(open.get(0).name() + " requested changes to " + phase.label() + " (\"" + open.get(0).comment()
                    + "\"); edit the artifact to address them before signing off.");
        }
        new Problems().addAll(gaps(phase)).throwIfAny();
        r.signOffs.add(new SignOff(userId, approver.name(), at));
        history.add(new Decision(phase, DecisionKind.SIGNED_OFF, userId, approver.name(), "", at));
        if (r.signOffs.size() < r.approvers.size()) {
            return false;
        }
        r.signedOffAt = at;
        r.needsReview = false;
        history.add(new Decision(phase, DecisionKind.PHASE_SIGNED_OFF, userId, approver.name(), "", at));
        if (phase == Phase.ROADMAP_PLANNING) {
            state = SessionState.COMPLETED;
            outcome = "Roadmap handed off with " + initiatives.size() + " initiative" + (initiatives.size() == 1 ? "" : "s") + ".";
        }
        return true;
    }

    /** An approver asks for changes instead of signing off; earlier sign-offs of the phase no longer count. */
    public void requestChanges(Phase phase, long userId, String comment, Instant at) {
        requireActive();
        PhaseRecord r = phases.get(phase);
        Participant approver = r.approvers.stream().filter(a -> a.userId() == userId).findFirst()
                .orElseThrow(() -> new ForbiddenException("Only the named approvers of " + phase.label() + " can request changes."));
        PhaseStatus status = status(phase);
        if (status != PhaseStatus.OPEN && status != PhaseStatus.AWAITING_SIGN_OFF) {
            throw new ConflictException("You can only request changes to a phase that is open for sign-off; "
                    + phase.label() + " is " + status.label().toLowerCase() + ".");
        }
        String text = Positioning.clean(comment);
        if (text.isEmpty()) {
            throw new InvalidInputException("comment", "say what should change");
        }
        if (text.length() > 2000) {
            throw new InvalidInputException("comment", "must be at most 2000 characters");
        }
        r.signOffs.clear();
        r.changeRequests.add(new ChangeRequest(userId, approver.name(), text, at, false));
        history.add(new Decision(phase, DecisionKind.CHANGES_REQUESTED, userId, approver.name(), text, at));
    }

    /**
     * Reopens a signed-off phase so it can change. Every later phase that was signed off is flagged
     * "needs review" until an approver confirms it; later phases still in progress lose their partial
     * sign-offs, since what they built on is moving.
     *
     * @return the later phases now flagged for review
     */
    public List<Phase> reopen(Phase phase, long userId, String reason, Instant at) {
        requireActive();
        if (userId != facilitator.userId() && !isApprover(phase, userId)) {
            throw new ForbiddenException("Only the facilitator or an approver of " + phase.label() + " can reopen it.");
        }
        PhaseStatus status = status(phase);
        if (status != PhaseStatus.SIGNED_OFF && status != PhaseStatus.NEEDS_REVIEW) {
            throw new ConflictException(phase.label() + " is not signed off, so there is nothing to reopen.");
        }
        String text = Positioning.clean(reason);
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "say why the phase is reopened");
        }
        if (text.length() > 2000) {
            throw new InvalidInputException("reason", "must be at most 2000 characters");
        }
        PhaseRecord r = phases.get(phase);
        r.signOffs.clear();
        r.signedOffAt = null;
        r.needsReview = false;
        List<Phase> flagged = new ArrayList<>();
        for (Phase later = phase.next(); later != null; later = later.next()) {
            PhaseRecord l = phases.get(later);
            if (l.signedOffAt != null) {
                l.needsReview = true;
                flagged.add(later);
            } else {
                l.signOffs.clear();
            }
        }
        Participant who = participants.getOrDefault(userId, new Participant(userId, "Unknown"));
        history.add(new Decision(phase, DecisionKind.REOPENED, userId, who.name(), text, at));
        return List.copyOf(flagged);
    }

    /** An approver confirms a phase flagged "needs review" still holds, once the phase before is signed off again. */
    public void confirm(Phase phase, long userId, Instant at) {
        requireActive();
        Participant approver = phases.get(phase).approvers.stream().filter(a -> a.userId() == userId).findFirst()
                .orElseThrow(() -> new ForbiddenException("Only the named approvers of " + phase.label() + " can confirm it."));
        if (status(phase) != PhaseStatus.NEEDS_REVIEW) {
            throw new ConflictException(phase.label() + " does not need review.");
        }
        Phase previous = phase.previous();
        if (previous != null && status(previous) != PhaseStatus.SIGNED_OFF) {
            throw new ConflictException("Confirm " + phase.label() + " after " + previous.label() + " is signed off again.");
        }
        phases.get(phase).needsReview = false;
        history.add(new Decision(phase, DecisionKind.CONFIRMED, userId, approver.name(), "", at));
    }

    /** What is still missing before a phase can be signed off, field → message. */
    public Map<String, String> gaps(Phase phase) {
        Problems gaps = new Problems();
        switch (phase) {
            case POSITIONING -> gaps.addAll(positioning.gaps());
            case PROBLEM_FRAMING -> gaps.addAll(framing.gaps());
            case PROBLEM_STATEMENTS -> {
                if (validatedStatements() < MIN_VALIDATED_STATEMENTS) {
                    gaps.add("statements", "Validate at least " + MIN_VALIDATED_STATEMENTS + " problem statements with evidence ("
                            + validatedStatements() + " so far)");
                }
            }
            case MARKET_SIZING -> {
                if (gate == null || gate.decision() != GateDecision.GO) {
                    gaps.add("decision", "Record a go decision at the go/no-go gate");
                }
            }
            case ROADMAP_PLANNING -> {
                if (initiatives.isEmpty()) {
                    gaps.add("initiatives", "Draft at least one initiative");
                }
                // the roadmap cannot plan an initiative without an estimate (only drafts from before estimates lack one)
                initiatives.stream().filter(i -> !i.estimated()).findFirst().ifPresent(i ->
                        gaps.add("effort", "Estimate the effort of \u201c" + i.title() + "\u201d (person-weeks)"));
            }
        }
        if (phase.next() != null && phases.get(phase).synthesis.isEmpty()) {
            gaps.add("synthesis", "Write the synthesis note: what did " + phase.label().toLowerCase() + " change in our thinking?");
        }
        return gaps.asMap();
    }

    // ---- plan -----------------------------------------------------------------------------------

    /** Re-plans the session: how many weeks, and in which week each phase should be signed off. */
    public void plan(LocalDate newStart, int newWeeks, Map<Phase, Integer> plannedWeeks) {
        requireActive();
        if (newStart == null) {
            throw new InvalidInputException("startDate", "is required");
        }
        if (newWeeks < 1 || newWeeks > MAX_WEEKS) {
            throw new InvalidInputException("weeks", "must be between 1 and " + MAX_WEEKS);
        }
        int previousWeek = 1;
        for (Phase p : Phase.values()) {
            Integer week = plannedWeeks.get(p);
            if (week == null || week < 1 || week > newWeeks) {
                throw new InvalidInputException("week." + p.slug(), "must be a week from 1 to " + newWeeks);
            }
            if (week < previousWeek) {
                throw new InvalidInputException("week." + p.slug(), "must not be before the week of the phase before");
            }
            previousWeek = week;
        }
        startDate = newStart;
        weeks = newWeeks;
        plannedWeeks.forEach((p, w) -> phases.get(p).plannedWeek = w);
    }

    /** Week number (1-based) that a day falls in, counted from the start date. */
    public int weekOf(LocalDate day) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(startDate, day), 7) + 1;
    }

    public List<PlanWeek> planByWeek(LocalDate today) {
        int lastWeek = weeks;
        for (Phase p : Phase.values()) {
            Instant at = phases.get(p).signedOffAt;
            if (at != null) {
                lastWeek = Math.max(lastWeek, weekOf(day(at)));
            }
        }
        List<PlanWeek> rows = new ArrayList<>();
        for (int w = 1; w <= lastWeek; w++) {
            int week = w;
            LocalDate from = startDate.plusDays(7L * (w - 1));
            List<Phase> planned = java.util.Arrays.stream(Phase.values()).filter(p -> phases.get(p).plannedWeek == week).toList();
            List<Phase> done = java.util.Arrays.stream(Phase.values())
                    .filter(p -> phases.get(p).signedOffAt != null && weekOf(day(phases.get(p).signedOffAt)) == week).toList();
            rows.add(new PlanWeek(w, from, from.plusDays(6), planned, done, weekOf(today) == w));
        }
        return rows;
    }

    public List<PhasePlan> planVsActual(LocalDate today) {
        List<PhasePlan> rows = new ArrayList<>();
        int thisWeek = weekOf(today);
        for (Phase p : Phase.values()) {
            PhaseRecord r = phases.get(p);
            Integer actual = r.signedOffAt == null ? null : weekOf(day(r.signedOffAt));
            String verdict;
            boolean late;
            if (actual != null) {
                int delta = actual - r.plannedWeek;
                late = delta > 0;
                verdict = delta == 0 ? "On plan" : delta > 0 ? delta + (delta == 1 ? " week late" : " weeks late")
                        : -delta + (delta == -1 ? " week early" : " weeks early");
            } else if (thisWeek > r.plannedWeek) {
                late = true;
                verdict = "Overdue (planned for week " + r.plannedWeek + ")";
            } else {
                late = false;
                verdict = thisWeek == r.plannedWeek ? "Due this week" : "Not started";
            }
            rows.add(new PhasePlan(p, r.plannedWeek, actual, verdict, late));
        }
        return rows;
    }

    /**
     * Neighbouring phases signed off on the same calendar day (UTC): the session collapsed into a
     * strategy day instead of weeks of evidence gathering.
     */
    public List<CollapsedPair> collapsedPairs() {
        List<CollapsedPair> pairs = new ArrayList<>();
        Phase prev = null;
        for (Phase p : Phase.values()) {
            Instant at = phases.get(p).signedOffAt;
            if (at == null) {
                prev = null;
                continue;
            }
            if (prev != null && day(phases.get(prev).signedOffAt).equals(day(at))) {
                pairs.add(new CollapsedPair(prev, p, day(at)));
            }
            prev = p;
        }
        return pairs;
    }

    public boolean collapsed() {
        return !collapsedPairs().isEmpty();
    }

    // ---- hand-off -------------------------------------------------------------------------------

    /** The drafted initiatives as the roadmap receives them, with each link in words. */
    public List<RoadmapHandedOff.DraftInitiative> draftInitiatives() {
        return initiatives.stream().map(i -> {
            String label = linkLabel(i);
            boolean linked = label != null;
            return new RoadmapHandedOff.DraftInitiative(i.id(), i.title(), i.description(), linked ? i.linkKind() : null,
                    linked ? i.linkId() : null, label, i.horizon(), i.effortLow(), i.effortHigh(), i.targetQuarter());
        }).toList();
    }

    // ---- internals ------------------------------------------------------------------------------

    private void requireActive() {
        if (state != SessionState.ACTIVE) {
            throw new ConflictException("This session is " + state.label().toLowerCase() + "; it can no longer change.");
        }
    }

    private void requireEditable(Phase phase) {
        requireActive();
        PhaseStatus status = status(phase);
        switch (status) {
            case LOCKED -> throw new ConflictException(phase.label() + " is locked until " + phase.previous().label()
                    + " is signed off.");
            case SIGNED_OFF, NEEDS_REVIEW -> throw new ConflictException(phase.label()
                    + " is signed off; reopen it to make changes.");
            default -> {
            }
        }
    }

    /**
     * An artifact changed: sign-offs given to the earlier version no longer count, and change
     * requests are considered addressed.
     */
    private void edited(Phase phase) {
        PhaseRecord r = phases.get(phase);
        r.signOffs.clear();
        r.changeRequests.replaceAll(c -> c.addressed() ? c : c.markAddressed());
    }

    private static void requireEstimate(PlannedInitiative initiative) {
        if (!initiative.estimated()) {
            throw new InvalidInputException(java.util.Map.of("effortLow", "is required (person-weeks)",
                    "effortHigh", "is required (person-weeks)"));
        }
    }

    private void requireLinkExists(PlannedInitiative initiative) {
        if (initiative.linkKind() != null && linkLabel(initiative) == null) {
            throw new InvalidInputException("link", initiative.linkKind() == LinkKind.DIFFERENTIATOR
                    ? "refers to a differentiator this session does not have"
                    : "refers to a problem statement this session does not have");
        }
    }

    private int indexOfStatement(long statementId) {
        for (int i = 0; i < statements.size(); i++) {
            if (Objects.equals(statements.get(i).id(), statementId)) {
                return i;
            }
        }
        throw new app.truenorth.platform.NotFoundException("Problem statement");
    }

    private int indexOfInitiative(long initiativeId) {
        for (int i = 0; i < initiatives.size(); i++) {
            if (Objects.equals(initiatives.get(i).id(), initiativeId)) {
                return i;
            }
        }
        throw new app.truenorth.platform.NotFoundException("Initiative");
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    // ---- read access --------------------------------------------------------------------------

    public Long id() { return id; }
    public long workspaceId() { return workspaceId; }
    public long productId() { return productId; }
    public String title() { return title; }
    public Participant facilitator() { return facilitator; }
    public LocalDate startDate() { return startDate; }
    public SessionState state() { return state; }
    public String outcome() { return outcome; }
    public int version() { return version; }
    public Instant createdAt() { return createdAt; }
    public int weeks() { return weeks; }
    public Collection<Participant> participants() { return List.copyOf(participants.values()); }
    public Optional<Participant> participant(long userId) { return Optional.ofNullable(participants.get(userId)); }
    public Positioning positioning() { return positioning; }
    public List<Vote> votes() { return List.copyOf(votes.values()); }
    public ProblemFraming framing() { return framing; }
    public List<ProblemStatement> statements() { return List.copyOf(statements); }
    public List<PlannedInitiative> initiatives() { return List.copyOf(initiatives); }
    public Gate gate() { return gate; }
    public List<Decision> history() { return List.copyOf(history); }
    public List<Participant> approvers(Phase phase) { return List.copyOf(phases.get(phase).approvers); }
    public List<SignOff> signOffs(Phase phase) { return List.copyOf(phases.get(phase).signOffs); }
    public List<ChangeRequest> changeRequests(Phase phase) { return List.copyOf(phases.get(phase).changeRequests); }
    public String synthesis(Phase phase) { return phases.get(phase).synthesis; }
    public Instant signedOffAt(Phase phase) { return phases.get(phase).signedOffAt; }
    public int plannedWeek(Phase phase) { return phases.get(phase).plannedWeek; }

    /** The phase's record, for the repository that stores and restores it. */
    PhaseRecord record(Phase phase) { return phases.get(phase); }

    void restoreArtifacts(Positioning positioning, ProblemFraming framing, List<ProblemStatement> statements,
            List<PlannedInitiative> initiatives, List<Vote> votes, Gate gate, List<Participant> participants,
            List<Decision> history) {
        this.positioning = positioning;
        this.framing = framing;
        this.statements.addAll(statements);
        this.initiatives.addAll(initiatives);
        votes.forEach(v -> this.votes.put(v.userId(), v));
        this.gate = gate;
        participants.forEach(p -> this.participants.putIfAbsent(p.userId(), p));
        this.history.addAll(history);
    }
}
