package app.truenorth.session.api;

import app.truenorth.market.MarketDraft;
import app.truenorth.market.MarketResult;
import app.truenorth.session.LinkKind;
import app.truenorth.session.PlanningHorizon;
import app.truenorth.session.Phase;
import app.truenorth.session.PhaseStatus;
import app.truenorth.session.SessionRecords;
import app.truenorth.session.SessionState;
import app.truenorth.session.StrategySession;
import app.truenorth.session.StrategySessions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A whole session as the API returns it: every artifact, each phase's state, the plan and the history. */
record SessionView(long id, long productId, String title, SessionState state, String outcome, PersonView facilitator,
        LocalDate startDate, int weeks, Phase currentPhase, int version, List<PersonView> participants, List<PhaseView> phases,
        PositioningView positioning, FramingView problemFraming, List<StatementView> problemStatements,
        List<InitiativeView> initiatives, GateView gate, MarketView market, List<SessionRecords.PhasePlan> planVsActual,
        List<String> collapsedWarnings, List<DecisionView> history) {

    record PersonView(long userId, String name) {
    }

    record PhaseView(Phase phase, String slug, String label, PhaseStatus status, List<PersonView> approvers,
            List<SignOffView> signOffs, List<ChangeRequestView> changeRequests, String synthesis, int plannedWeek,
            Instant signedOffAt, Map<String, String> missing) {
    }

    record SignOffView(long userId, String name, Instant at) {
    }

    record ChangeRequestView(long userId, String name, String comment, Instant at, boolean addressed) {
    }

    record DifferentiatorView(Long id, String text) {
    }

    record VoteView(long userId, String name, boolean agree, String comment, Instant at) {
    }

    record PositioningView(String targetCustomer, String need, String productName, String category, String keyBenefit,
            String alternative, List<DifferentiatorView> differentiators, String statement, List<VoteView> votes,
            BigDecimal alignmentPercent) {
    }

    record FramingView(String problem, String symptoms, String whyUnsolved, String assumptions, String whoHasIt,
            String whenWhere, String consequences, String whoElse, String currentAlternatives, String reframedStatement) {
    }

    record StatementView(Long id, String persona, String outcome, String barrier, String rootCause, String emotion,
            int interviewCount, String dataSource, boolean validated, String sentence) {
    }

    record InitiativeView(Long id, String title, String description, LinkKind linkKind, Long linkId, String linkLabel,
            boolean orphaned, PlanningHorizon horizon, java.math.BigDecimal effortLow, java.math.BigDecimal effortHigh,
            String targetQuarter) {
    }

    record GateView(String decision, String rationale, String decidedBy, Instant at) {
    }

    record FigureView(String method, BigDecimal tam, BigDecimal sam, BigDecimal som, List<StepView> steps) {
    }

    record StepView(String label, String formula, BigDecimal result) {
    }

    record MarketView(int version, String currency, int horizonYears, MarketDraft inputs, FigureView topDown,
            FigureView bottomUp, BigDecimal valueTheory, List<StepView> valueTheorySteps, ReconciliationView reconciliation,
            List<ScenarioView> scenarios, GateCheckView gateCheck) {
    }

    record ReconciliationView(BigDecimal topDownSom, BigDecimal bottomUpSom, BigDecimal difference, boolean warning) {
    }

    record ScenarioView(String name, BigDecimal multiplier, BigDecimal som) {
    }

    record GateCheckView(BigDecimal threshold, BigDecimal som, boolean meetsThreshold) {
    }

    record DecisionView(Phase phase, String kind, String name, String comment, Instant at) {
    }

    static SessionView of(StrategySessions.Loaded loaded, LocalDate today) {
        StrategySession s = loaded.session();
        var phases = Arrays.stream(Phase.values()).map(p -> new PhaseView(p, p.slug(), p.label(), s.status(p),
                s.approvers(p).stream().map(a -> new PersonView(a.userId(), a.name())).toList(),
                s.signOffs(p).stream().map(o -> new SignOffView(o.userId(), o.name(), o.at())).toList(),
                s.changeRequests(p).stream().map(c -> new ChangeRequestView(c.userId(), c.name(), c.comment(), c.at(), c.addressed())).toList(),
                s.synthesis(p), s.plannedWeek(p), s.signedOffAt(p), s.gaps(p))).toList();
        var pos = s.positioning();
        var positioning = new PositioningView(pos.targetCustomer(), pos.need(), pos.productName(), pos.category(), pos.keyBenefit(),
                pos.alternative(), pos.differentiators().stream().map(d -> new DifferentiatorView(d.id(), d.text())).toList(),
                pos.statement(), s.votes().stream().map(v -> new VoteView(v.userId(), v.name(), v.agree(), v.comment(), v.at())).toList(),
                s.alignmentPercent());
        var f = s.framing();
        var framing = new FramingView(f.problem(), f.symptoms(), f.whyUnsolved(), f.assumptions(), f.whoHasIt(), f.whenWhere(),
                f.consequences(), f.whoElse(), f.currentAlternatives(), f.reframedStatement());
        var statements = s.statements().stream().map(p -> new StatementView(p.id(), p.persona(), p.outcome(), p.barrier(),
                p.rootCause(), p.emotion(), p.interviewCount(), p.dataSource(), p.validated(), p.sentence())).toList();
        var initiatives = s.initiatives().stream().map(i -> {
            String label = s.linkLabel(i);
            return new InitiativeView(i.id(), i.title(), i.description(), i.linkKind(), i.linkId(), label, label == null,
                    i.horizon(), i.effortLow(), i.effortHigh(), i.targetQuarter());
        }).toList();
        var g = s.gate();
        var gate = g == null ? null : new GateView(g.decision().name(), g.rationale(), g.decidedByName(), g.at());
        return new SessionView(s.id(), s.productId(), s.title(), s.state(), s.outcome(),
                new PersonView(s.facilitator().userId(), s.facilitator().name()), s.startDate(), s.weeks(), s.currentPhase(),
                s.version(), s.participants().stream().map(p -> new PersonView(p.userId(), p.name())).toList(), phases, positioning,
                framing, statements, initiatives, gate, market(loaded), s.planVsActual(today),
                s.collapsedPairs().stream().map(SessionRecords.CollapsedPair::message).toList(),
                s.history().stream().map(d -> new DecisionView(d.phase(), d.kind().name(), d.name(), d.comment(), d.at())).toList());
    }

    static MarketView market(StrategySessions.Loaded loaded) {
        var sizing = loaded.market();
        MarketResult r = sizing.result();
        var rec = r.reconciliation();
        return new MarketView(sizing.version(), sizing.model().currency().getCurrencyCode(), sizing.model().horizonYears(),
                MarketDraft.of(sizing.model()), figure(r.topDown()), figure(r.bottomUp()),
                r.valueTheory() == null ? null : r.valueTheory().value().amount(),
                r.valueTheory() == null ? List.of() : steps(r.valueTheory().steps()),
                rec == null ? null : new ReconciliationView(rec.topDownSom().amount(), rec.bottomUpSom().amount(), rec.difference(),
                        rec.warning()),
                r.scenarios().stream().map(x -> new ScenarioView(x.name(), x.multiplier(), x.som().amount())).toList(),
                r.gate() == null ? null : new GateCheckView(r.gate().threshold().amount(), r.gate().som().amount(), r.gate().meets()));
    }

    private static FigureView figure(MarketResult.Sized sized) {
        if (sized == null) {
            return null;
        }
        return new FigureView(sized.method(), sized.size().tam().amount(), sized.size().sam().amount(), sized.size().som().amount(),
                steps(sized.steps()));
    }

    private static List<StepView> steps(List<MarketResult.Step> steps) {
        return steps.stream().map(st -> new StepView(st.label(), st.formula(), st.result().amount())).toList();
    }
}
