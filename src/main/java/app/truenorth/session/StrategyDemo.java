package app.truenorth.session;

import app.truenorth.market.Citation;
import app.truenorth.market.GateDecision;
import app.truenorth.market.Input;
import app.truenorth.market.MarketModel;
import app.truenorth.market.MarketSizings;
import app.truenorth.market.Unit;
import app.truenorth.platform.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a product with a realistic strategy session for the sample workspace: four phases signed
 * off over three weeks by two approvers (with one change request on the way), market sizing with
 * cited sources and a go decision, and roadmap planning open with drafted initiatives. Runs without
 * a signed-in caller (it is called while seeding), through the same aggregate rules as the pages.
 */
@Service
public class StrategyDemo {

    private final StrategySessionRepository repository;
    private final MarketSizings market;
    private final AuditLog audit;

    StrategyDemo(StrategySessionRepository repository, MarketSizings market, AuditLog audit) {
        this.repository = repository;
        this.market = market;
        this.audit = audit;
    }

    /**
     * Seeds the session; the people must be members of the workspace.
     *
     * @return the new session's id
     */
    @Transactional
    public long seed(long workspaceId, long productId, Participant facilitator, Participant approverA, Participant approverB,
            LocalDate start) {
        Instant t0 = start.atTime(9, 0).toInstant(ZoneOffset.UTC);
        StrategySession s = StrategySession.start(workspaceId, productId, "Fleet visibility strategy", facilitator, start, t0);
        long id = repository.insert(s, t0);
        market.create(workspaceId, id, Currency.getInstance("EUR"));

        s = repository.load(workspaceId, productId, id);
        for (Phase p : Phase.values()) {
            s.nameApprovers(p, List.of(approverA, approverB));
        }
        s.updatePositioning(new Positioning("dispatchers at logistics firms with 50 to 500 vans",
                "need to know at a glance which vans are free and where they are", "Atlas", "fleet visibility platform",
                "cuts idle time by a fifth in the first quarter", "spreadsheets, phone calls and the telematics vendor's portal",
                List.of(new Positioning.Differentiator(null, "works with any telematics box already in the vans"),
                        new Positioning.Differentiator(null, "is live in a day, without an IT project"),
                        new Positioning.Differentiator(null, "shows dispatchers, not managers, what to do next"))));
        s.recordVote(facilitator.userId(), true, "", at(t0, 1));
        s.recordVote(approverA.userId(), true, "Sharp and testable.", at(t0, 1));
        s.recordVote(approverB.userId(), false, "“A fifth” needs a source before we say it to customers.", at(t0, 1));
        s.writeSynthesis(Phase.POSITIONING, "We are selling to the dispatcher's morning, not to the fleet owner's spreadsheet.");
        s.signOff(Phase.POSITIONING, approverA.userId(), at(t0, 2));
        s.requestChanges(Phase.POSITIONING, approverB.userId(), "Say which alternative we beat first: the vendor portal.", at(t0, 2));
        var p = s.positioning();
        s.updatePositioning(new Positioning(p.targetCustomer(), p.need(), p.productName(), p.category(), p.keyBenefit(),
                "the telematics vendor's portal, spreadsheets and phone calls", p.differentiators()));
        s.signOff(Phase.POSITIONING, approverA.userId(), at(t0, 3));
        s.signOff(Phase.POSITIONING, approverB.userId(), at(t0, 4));

        s.updateFraming(new ProblemFraming("Dispatchers cannot see which vans are free when planning the next job",
                "Late deliveries, idle vans in the yard, twenty phone calls before 9 am",
                "Location data sits in each telematics vendor's portal; nobody joins it with the job list",
                "We assume dispatchers want a map; maybe they want a list of free vans",
                "Dispatchers at mid-size fleets with mixed telematics hardware", "Every morning between 7 and 10, and at every urgent job",
                "Missed delivery slots, overtime, unhappy customers", "Drivers, who get called repeatedly; customers waiting",
                "Phone calls, a whiteboard, the vendor portal in four browser tabs",
                "How might we give dispatchers a live list of free vans without new hardware?"));
        s.writeSynthesis(Phase.PROBLEM_FRAMING, "The problem is knowing what is free, not seeing dots on a map.");
        s.signOff(Phase.PROBLEM_FRAMING, approverA.userId(), at(t0, 8));
        s.signOff(Phase.PROBLEM_FRAMING, approverB.userId(), at(t0, 9));

        s.addStatement(new ProblemStatement(null, "a dispatcher", "assign the next job to the nearest free van",
                "I don't know which vans are free", "location and job status live in different systems", "anxious", 9,
                "Support tickets Q1", true));
        s.addStatement(new ProblemStatement(null, "a fleet owner", "keep every van earning", "I only see idle time at month end",
                "reports are built by hand from three exports", "frustrated", 5, "", true));
        s.addStatement(new ProblemStatement(null, "a driver", "finish my route on time", "I get called for my position all day",
                "the office cannot see where I am", "interrupted", 6, "Driver survey, 120 answers", true));
        s.addStatement(new ProblemStatement(null, "a customer service agent", "give customers a reliable arrival time",
                "I have to call the dispatcher", "arrival estimates are not shared", "helpless", 0, "", false));
        s.writeSynthesis(Phase.PROBLEM_STATEMENTS, "Three personas share one root cause: location and job status are never joined.");
        s.signOff(Phase.PROBLEM_STATEMENTS, approverA.userId(), at(t0, 10));
        s.signOff(Phase.PROBLEM_STATEMENTS, approverB.userId(), at(t0, 11));
        repository.update(s, at(t0, 11));

        Citation registry = new Citation("National vehicle registry, commercial fleets 2025", "https://example.org/fleet-registry");
        Citation report = new Citation("Fleet telematics market report 2025", "https://example.org/telematics-report");
        var model = new MarketModel(Currency.getInstance("EUR"), 3,
                new MarketModel.TopDown(input("topDown.marketFigure", "2000000000", Unit.CURRENCY, report),
                        input("topDown.segmentShare", "15", Unit.PERCENT, registry),
                        input("topDown.reachableShare", "40", Unit.PERCENT, new Citation("Sales coverage plan 2026", null)),
                        input("topDown.achievableShare", "5", Unit.PERCENT, new Citation("Win rates of comparable vendors", null))),
                List.of(new MarketModel.Segment("Mid-size fleets (50–500 vans)",
                                input("segments[0].customers", "12000", Unit.COUNT, registry),
                                input("segments[0].annualContractValue", "9000", Unit.CURRENCY, new Citation("Pricing page, 2026 list", null)),
                                input("segments[0].reachableShare", "50", Unit.PERCENT, new Citation("Sales coverage plan 2026", null)),
                                input("segments[0].achievableShare", "10", Unit.PERCENT, new Citation("Pilot conversion, 6 of 60", null)))),
                new MarketModel.ValueTheory(input("valueTheory.costOfProblem", "24000", Unit.CURRENCY,
                        new Citation("Idle-time study with three pilot customers", null)),
                        input("valueTheory.captureRate", "25", Unit.PERCENT, new Citation("Pricing interviews", null)),
                        input("valueTheory.customers", "1200", Unit.COUNT, registry)),
                MarketModel.Scenarios.DEFAULT, input("somThreshold", "4000000", Unit.CURRENCY, new Citation("Board target for year 3", null)));
        var sizing = market.save(workspaceId, id, model, market.get(workspaceId, id).version());

        s = repository.load(workspaceId, productId, id);
        s.decideGate(GateDecision.GO, "Bottom-up SOM of €5.4M clears the €4M bar and top-down agrees within 10 %.", facilitator,
                sizing.result().gate(), at(t0, 15));
        s.writeSynthesis(Phase.MARKET_SIZING, "The market is big enough if we stay with mid-size fleets for three years.");
        s.signOff(Phase.MARKET_SIZING, approverA.userId(), at(t0, 16));
        s.signOff(Phase.MARKET_SIZING, approverB.userId(), at(t0, 17));
        var diffs = s.positioning().differentiators();
        var statements = s.statements();
        s.addInitiative(PlannedInitiative.of("Universal telematics adapter", "Read positions from the five most common boxes.",
                LinkKind.DIFFERENTIATOR, diffs.get(0).id(), PlanningHorizon.NOW, "6", "9", quarter(start, 0)));
        s.addInitiative(PlannedInitiative.of("Free-van list for dispatchers", "A live list of free vans, nearest first.",
                LinkKind.PROBLEM_STATEMENT, statements.get(0).id(), PlanningHorizon.NOW, "3", "5", quarter(start, 1)));
        s.addInitiative(PlannedInitiative.of("One-day onboarding", "Self-serve set-up without an IT project.",
                LinkKind.DIFFERENTIATOR, diffs.get(1).id(), PlanningHorizon.NEXT, "4", "6", null));
        s.addInitiative(PlannedInitiative.of("Dark mode", "Asked for by two pilot users.", null, null, PlanningHorizon.LATER, "1", "2",
                null));
        repository.update(s, at(t0, 17));
        audit.record(workspaceId, "strategy_session", id, "seeded", "Seeded the sample strategy session", null, null);
        return id;
    }

    private static Input input(String field, String value, Unit unit, Citation source) {
        return new Input(field, new BigDecimal(value), unit, source);
    }

    /** "2026-Q3" for the quarter {@code offset} quarters after the one {@code date} falls in. */
    private static String quarter(LocalDate date, int offset) {
        LocalDate d = date.plusMonths(3L * offset);
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    private static Instant at(Instant t0, int days) {
        return t0.plusSeconds(days * 86_400L + 3_600L * (days % 5));
    }
}
