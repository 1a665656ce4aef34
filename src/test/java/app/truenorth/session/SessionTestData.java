package app.truenorth.session;

import app.truenorth.market.GateDecision;
import app.truenorth.market.Money;
import app.truenorth.market.MarketResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builders for sessions at various points of their life, for the domain tests. */
final class SessionTestData {

    static final Participant FACILITATOR = new Participant(1, "Fran Facilitator");
    static final Participant ANA = new Participant(2, "Ana Approver");
    static final Participant BEN = new Participant(3, "Ben Approver");
    static final Participant OUTSIDER = new Participant(4, "Olga Outsider");
    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private SessionTestData() {
    }

    static Instant day(int n) {
        return T0.plus(n, ChronoUnit.DAYS);
    }

    /** A new session where Ana and Ben approve every phase. */
    static StrategySession session() {
        var s = StrategySession.start(10, 20, "Strategy 2026", FACILITATOR, START, T0);
        for (Phase p : Phase.values()) {
            s.nameApprovers(p, List.of(ANA, BEN));
        }
        s.addParticipant(OUTSIDER);
        return s;
    }

    static Positioning positioning() {
        return new Positioning("fleet managers of mid-size logistics firms", "need to know where every van is",
                "Atlas", "fleet visibility platform", "cuts idle time by a fifth", "spreadsheets and phone calls",
                List.of(new Positioning.Differentiator(null, "works with any telematics box"),
                        new Positioning.Differentiator(null, "sets up in a day")));
    }

    static ProblemFraming framing() {
        return new ProblemFraming("Dispatchers cannot see vans", "Late deliveries", "Data is scattered", "Drivers resist tracking",
                "Dispatchers at 50-500 van fleets", "Every morning", "Missed slots", "Customers", "Phone calls",
                "How might we give dispatchers a live picture without new hardware?");
    }

    static ProblemStatement statement(String persona, boolean validated) {
        return new ProblemStatement(null, persona, "plan the day's routes", "I don't know which vans are free",
                "the data sits in three systems", "anxious", validated ? 6 : 0, validated ? "support tickets" : "", validated);
    }

    static MarketResult.GateAssessment assessment() {
        return new MarketResult.GateAssessment(Money.of("1000000", "EUR"), Money.of("2500000", "EUR"), true);
    }

    /** Signs off a phase by both approvers on the given day, after filling what it needs. */
    static void complete(StrategySession s, Phase phase, Instant at) {
        switch (phase) {
            case POSITIONING -> s.updatePositioning(positioning());
            case PROBLEM_FRAMING -> s.updateFraming(framing());
            case PROBLEM_STATEMENTS -> {
                s.addStatement(statement("a dispatcher", true));
                s.addStatement(statement("a fleet owner", true));
                s.addStatement(statement("a driver", true));
            }
            case MARKET_SIZING -> s.decideGate(GateDecision.GO, "SOM clears the threshold", FACILITATOR, assessment(), at);
            case ROADMAP_PLANNING -> s.addInitiative(PlannedInitiative.of("Live map", "", null, null, PlanningHorizon.NOW, "2", "3", null));
        }
        if (phase.next() != null) {
            s.writeSynthesis(phase, "We learned something in " + phase.label());
        }
        s.signOff(phase, ANA.userId(), at);
        s.signOff(phase, BEN.userId(), at.plusSeconds(60));
    }

}
