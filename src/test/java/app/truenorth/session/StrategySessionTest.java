package app.truenorth.session;

import static app.truenorth.session.SessionTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.market.GateDecision;
import app.truenorth.platform.ConflictException;
import app.truenorth.platform.ForbiddenException;
import app.truenorth.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategySessionTest {

    @Test
    void aNewSessionOpensOnlyPositioning() {
        var s = session();
        assertThat(s.status(Phase.POSITIONING)).isEqualTo(PhaseStatus.OPEN);
        for (Phase p : List.of(Phase.PROBLEM_FRAMING, Phase.PROBLEM_STATEMENTS, Phase.MARKET_SIZING, Phase.ROADMAP_PLANNING)) {
            assertThat(s.status(p)).isEqualTo(PhaseStatus.LOCKED);
        }
        assertThat(s.currentPhase()).isEqualTo(Phase.POSITIONING);
    }

    @Test
    void aPhaseOpensOnlyWhenAllApproversSignedOffThePreviousOne() {
        var s = session();
        s.updatePositioning(positioning());
        s.writeSynthesis(Phase.POSITIONING, "We serve dispatchers, not owners");
        assertThat(s.signOff(Phase.POSITIONING, ANA.userId(), day(2))).isFalse();
        assertThat(s.status(Phase.POSITIONING)).isEqualTo(PhaseStatus.AWAITING_SIGN_OFF);
        assertThat(s.status(Phase.PROBLEM_FRAMING)).isEqualTo(PhaseStatus.LOCKED);

        assertThat(s.signOff(Phase.POSITIONING, BEN.userId(), day(3))).isTrue();
        assertThat(s.status(Phase.POSITIONING)).isEqualTo(PhaseStatus.SIGNED_OFF);
        assertThat(s.status(Phase.PROBLEM_FRAMING)).isEqualTo(PhaseStatus.OPEN);
        assertThat(s.signOffs(Phase.POSITIONING)).extracting(SessionRecords.SignOff::name, SessionRecords.SignOff::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ANA.name(), day(2)),
                        org.assertj.core.groups.Tuple.tuple(BEN.name(), day(3)));
        assertThat(s.signedOffAt(Phase.POSITIONING)).isEqualTo(day(3));
    }

    @Test
    void signingOffOutOfOrderIsRefusedAndChangesNothing() {
        var s = session();
        assertThatThrownBy(() -> s.signOff(Phase.MARKET_SIZING, ANA.userId(), day(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Positioning must be signed off");
        assertThat(s.signOffs(Phase.MARKET_SIZING)).isEmpty();
        assertThat(s.history()).isEmpty();
    }

    @Test
    void onlyNamedApproversCanSignOff() {
        var s = session();
        s.updatePositioning(positioning());
        s.writeSynthesis(Phase.POSITIONING, "note");
        assertThatThrownBy(() -> s.signOff(Phase.POSITIONING, OUTSIDER.userId(), day(1)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Ana Approver, Ben Approver");
        assertThatThrownBy(() -> s.signOff(Phase.POSITIONING, FACILITATOR.userId(), day(1)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(s.signOffs(Phase.POSITIONING)).isEmpty();
    }

    @Test
    void anApproverSignsOffOnlyOnce() {
        var s = session();
        s.updatePositioning(positioning());
        s.writeSynthesis(Phase.POSITIONING, "note");
        s.signOff(Phase.POSITIONING, ANA.userId(), day(1));
        assertThatThrownBy(() -> s.signOff(Phase.POSITIONING, ANA.userId(), day(1))).isInstanceOf(ConflictException.class);
    }

    @Test
    void movingOnNeedsASynthesisNoteAndACompleteArtifact() {
        var s = session();
        assertThatThrownBy(() -> s.signOff(Phase.POSITIONING, ANA.userId(), day(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("targetCustomer", "differentiators", "synthesis"));
        s.updatePositioning(positioning());
        assertThatThrownBy(() -> s.signOff(Phase.POSITIONING, ANA.userId(), day(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("synthesis"));
        s.writeSynthesis(Phase.POSITIONING, "Dispatchers, not owners, feel the pain");
        assertThat(s.signOff(Phase.POSITIONING, ANA.userId(), day(1))).isFalse();
    }

    @Test
    void aChangeRequestDiscardsSignOffsAndBlocksSignOffUntilTheArtifactIsEdited() {
        var s = session();
        s.updatePositioning(positioning());
        s.writeSynthesis(Phase.POSITIONING, "note");
        s.signOff(Phase.POSITIONING, ANA.userId(), day(1));
        s.requestChanges(Phase.POSITIONING, BEN.userId(), "The benefit is vague: how much idle time?", day(1));

        assertThat(s.signOffs(Phase.POSITIONING)).isEmpty();
        assertThat(s.status(Phase.POSITIONING)).isEqualTo(PhaseStatus.OPEN);
        assertThatThrownBy(() -> s.signOff(Phase.POSITIONING, ANA.userId(), day(2)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("requested changes");

        var p = positioning();
        s.updatePositioning(new Positioning(p.targetCustomer(), p.need(), p.productName(), p.category(),
                "cuts idle time by 20 %", p.alternative(), p.differentiators()));
        assertThat(s.changeRequests(Phase.POSITIONING)).singleElement()
                .satisfies(c -> assertThat(c.addressed()).isTrue());
        s.signOff(Phase.POSITIONING, ANA.userId(), day(2));
        assertThat(s.signOff(Phase.POSITIONING, BEN.userId(), day(2))).isTrue();
        assertThat(s.history()).extracting(SessionRecords.Decision::kind).contains(SessionRecords.DecisionKind.CHANGES_REQUESTED);
    }

    @Test
    void requestingChangesNeedsAnApproverAndAComment() {
        var s = session();
        assertThatThrownBy(() -> s.requestChanges(Phase.POSITIONING, OUTSIDER.userId(), "no", day(1)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> s.requestChanges(Phase.POSITIONING, ANA.userId(), "  ", day(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void editingASignedOffOrLockedPhaseIsRefused() {
        var s = session();
        assertThatThrownBy(() -> s.updateFraming(framing())).isInstanceOf(ConflictException.class).hasMessageContaining("locked");
        complete(s, Phase.POSITIONING, day(1));
        assertThatThrownBy(() -> s.updatePositioning(positioning())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("reopen");
    }

    @Test
    void reopenFlagsLaterPhases() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        complete(s, Phase.PROBLEM_FRAMING, day(8));
        complete(s, Phase.PROBLEM_STATEMENTS, day(10));

        List<Phase> flagged = s.reopen(Phase.POSITIONING, FACILITATOR.userId(), "New competitor", day(12));

        assertThat(flagged).containsExactly(Phase.PROBLEM_FRAMING, Phase.PROBLEM_STATEMENTS);
        assertThat(s.status(Phase.POSITIONING)).isEqualTo(PhaseStatus.OPEN);
        assertThat(s.status(Phase.PROBLEM_FRAMING)).isEqualTo(PhaseStatus.NEEDS_REVIEW);
        assertThat(s.status(Phase.PROBLEM_STATEMENTS)).isEqualTo(PhaseStatus.NEEDS_REVIEW);
        assertThat(s.status(Phase.MARKET_SIZING)).isEqualTo(PhaseStatus.LOCKED);
        // confirming before positioning is signed off again is out of order
        assertThatThrownBy(() -> s.confirm(Phase.PROBLEM_FRAMING, ANA.userId(), day(12))).isInstanceOf(ConflictException.class);

        s.signOff(Phase.POSITIONING, ANA.userId(), day(13));
        s.signOff(Phase.POSITIONING, BEN.userId(), day(13));
        assertThatThrownBy(() -> s.confirm(Phase.PROBLEM_STATEMENTS, ANA.userId(), day(13)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("after Problem framing");
        assertThatThrownBy(() -> s.confirm(Phase.PROBLEM_FRAMING, OUTSIDER.userId(), day(13))).isInstanceOf(ForbiddenException.class);
        s.confirm(Phase.PROBLEM_FRAMING, ANA.userId(), day(13));
        assertThat(s.status(Phase.PROBLEM_FRAMING)).isEqualTo(PhaseStatus.SIGNED_OFF);
        assertThat(s.status(Phase.PROBLEM_STATEMENTS)).isEqualTo(PhaseStatus.NEEDS_REVIEW);
        s.confirm(Phase.PROBLEM_STATEMENTS, BEN.userId(), day(13));
        assertThat(s.status(Phase.MARKET_SIZING)).isEqualTo(PhaseStatus.OPEN);
    }

    @Test
    void onlyTheFacilitatorOrAnApproverReopensAndOnlySignedOffPhases() {
        var s = session();
        assertThatThrownBy(() -> s.reopen(Phase.POSITIONING, FACILITATOR.userId(), "why", day(1)))
                .isInstanceOf(ConflictException.class);
        complete(s, Phase.POSITIONING, day(1));
        assertThatThrownBy(() -> s.reopen(Phase.POSITIONING, OUTSIDER.userId(), "why", day(2)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> s.reopen(Phase.POSITIONING, ANA.userId(), "", day(2)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(s.status(Phase.POSITIONING)).isEqualTo(PhaseStatus.SIGNED_OFF);
    }

    @Test
    void phasesSignedOffOnTheSameDayRaiseTheCollapsedWarning() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        complete(s, Phase.PROBLEM_FRAMING, day(6));
        assertThat(s.collapsed()).isFalse();
        complete(s, Phase.PROBLEM_STATEMENTS, day(6).plusSeconds(3600));
        assertThat(s.collapsedPairs()).singleElement().satisfies(pair -> {
            assertThat(pair.first()).isEqualTo(Phase.PROBLEM_FRAMING);
            assertThat(pair.second()).isEqualTo(Phase.PROBLEM_STATEMENTS);
            assertThat(pair.message()).contains("both signed off on 2026-03-08");
        });
    }

    @Test
    void aOneDayOffsiteCollapsesEveryPhase() {
        var s = session();
        for (Phase p : Phase.values()) {
            complete(s, p, day(0).plusSeconds(p.ordinal() * 1800L));
        }
        assertThat(s.collapsedPairs()).hasSize(4);
        assertThat(s.state()).isEqualTo(SessionState.COMPLETED);
    }

    @Test
    void theDefaultPlanIsFourWeeksAndComparesWithActualSignOffs() {
        var s = session();
        assertThat(s.weeks()).isEqualTo(4);
        assertThat(s.plannedWeek(Phase.POSITIONING)).isEqualTo(1);
        assertThat(s.plannedWeek(Phase.PROBLEM_FRAMING)).isEqualTo(2);
        assertThat(s.plannedWeek(Phase.PROBLEM_STATEMENTS)).isEqualTo(2);
        assertThat(s.plannedWeek(Phase.MARKET_SIZING)).isEqualTo(3);
        assertThat(s.plannedWeek(Phase.ROADMAP_PLANNING)).isEqualTo(4);

        complete(s, Phase.POSITIONING, day(3));       // week 1: on plan
        complete(s, Phase.PROBLEM_FRAMING, day(16));  // week 3: one week late
        LocalDate today = START.plusDays(17);
        var rows = s.planVsActual(today);
        assertThat(rows.get(0).verdict()).isEqualTo("On plan");
        assertThat(rows.get(1).verdict()).isEqualTo("1 week late");
        assertThat(rows.get(1).late()).isTrue();
        assertThat(rows.get(2).verdict()).startsWith("Overdue");
        assertThat(rows.get(3).verdict()).isEqualTo("Due this week");

        var weeks = s.planByWeek(today);
        assertThat(weeks).hasSize(4);
        assertThat(weeks.get(1).planned()).containsExactly(Phase.PROBLEM_FRAMING, Phase.PROBLEM_STATEMENTS);
        assertThat(weeks.get(2).signedOff()).containsExactly(Phase.PROBLEM_FRAMING);
        assertThat(weeks.get(2).current()).isTrue();
    }

    @Test
    void aPlanKeepsPhasesInOrderWithinItsWeeks() {
        var s = session();
        Map<Phase, Integer> weeks = new EnumMap<>(Phase.class);
        int[] w = {1, 1, 2, 2, 3};
        for (Phase p : Phase.values()) {
            weeks.put(p, w[p.ordinal()]);
        }
        s.plan(START, 3, weeks);
        assertThat(s.weeks()).isEqualTo(3);
        weeks.put(Phase.MARKET_SIZING, 1);
        assertThatThrownBy(() -> s.plan(START, 3, weeks)).isInstanceOf(InvalidInputException.class);
        weeks.put(Phase.MARKET_SIZING, 4);
        assertThatThrownBy(() -> s.plan(START, 3, weeks)).isInstanceOf(InvalidInputException.class);
        assertThat(s.plannedWeek(Phase.MARKET_SIZING)).isEqualTo(2);
    }

    @Test
    void thePositioningStatementReadsAsOneSentence() {
        assertThat(positioning().statement()).isEqualTo("For fleet managers of mid-size logistics firms who need to know where "
                + "every van is, Atlas is a fleet visibility platform that cuts idle time by a fifth. Unlike spreadsheets and "
                + "phone calls, Atlas works with any telematics box and sets up in a day.");
        assertThat(Positioning.EMPTY.statement()).contains("[target customer]").contains("[differentiators]");
    }

    @Test
    void differentiatorsKeepTheirIdsAndUnknownIdsAreRefused() {
        var s = session();
        var p = positioning();
        var withForeignId = new Positioning(p.targetCustomer(), p.need(), p.productName(), p.category(), p.keyBenefit(),
                p.alternative(), List.of(new Positioning.Differentiator(999L, "stolen")));
        assertThatThrownBy(() -> s.updatePositioning(withForeignId))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("differentiators[0]"));
        assertThatThrownBy(() -> new Positioning("a", "b", "c", "d", "e", "f", List.of(new Positioning.Differentiator(null, " "))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void alignmentIsTheShareOfParticipantsWhoAgree() {
        var s = session();
        assertThat(s.alignmentPercent()).isNull();
        s.recordVote(ANA.userId(), true, "", day(1));
        s.recordVote(BEN.userId(), true, "", day(1));
        s.recordVote(OUTSIDER.userId(), false, "Too broad", day(1));
        assertThat(s.alignmentPercent()).isEqualByComparingTo("66.7");
        s.recordVote(OUTSIDER.userId(), true, "Convinced", day(2)); // latest view wins
        assertThat(s.alignmentPercent()).isEqualByComparingTo("100");
        assertThatThrownBy(() -> s.recordVote(99, true, "", day(2))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> s.recordVote(ANA.userId(), false, "", day(2))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void problemStatementsNeedThreeValidatedToSignOff() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        complete(s, Phase.PROBLEM_FRAMING, day(8));
        s.addStatement(statement("a dispatcher", true));
        s.addStatement(statement("a fleet owner", true));
        s.addStatement(statement("a driver", false));
        s.writeSynthesis(Phase.PROBLEM_STATEMENTS, "note");
        assertThatThrownBy(() -> s.signOff(Phase.PROBLEM_STATEMENTS, ANA.userId(), day(9)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("statements"))
                        .contains("at least 3").contains("2 so far"));
        assertThat(s.statements().get(0).sentence()).isEqualTo("I am a dispatcher, I am trying to plan the day's routes, but "
                + "I don't know which vans are free, because the data sits in three systems, which makes me feel anxious.");
    }

    @Test
    void aStatementCannotBeValidatedWithoutEvidence() {
        assertThatThrownBy(() -> new ProblemStatement(null, "p", "o", "b", "r", "e", 0, "", true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("validated"));
        assertThat(new ProblemStatement(null, "p", "o", "b", "r", "e", 0, "NPS survey", true).validated()).isTrue();
    }

    @Test
    void noGoClosesTheSession() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        complete(s, Phase.PROBLEM_FRAMING, day(8));
        complete(s, Phase.PROBLEM_STATEMENTS, day(10));
        assertThatThrownBy(() -> s.decideGate(GateDecision.GO, "yes", FACILITATOR, null, day(15)))
                .isInstanceOf(InvalidInputException.class);
        s.decideGate(GateDecision.NO_GO, "The reachable market is too small", FACILITATOR, assessment(), day(15));
        assertThat(s.state()).isEqualTo(SessionState.CLOSED_NO_GO);
        assertThat(s.outcome()).isEqualTo("The reachable market is too small");
        assertThatThrownBy(() -> s.signOff(Phase.MARKET_SIZING, ANA.userId(), day(15))).isInstanceOf(ConflictException.class);
    }

    @Test
    void changingTheMarketModelWithdrawsTheGateDecision() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        complete(s, Phase.PROBLEM_FRAMING, day(8));
        complete(s, Phase.PROBLEM_STATEMENTS, day(10));
        s.decideGate(GateDecision.GO, "Clears the bar", FACILITATOR, assessment(), day(15));
        s.marketEdited();
        assertThat(s.gate()).isNull();
        assertThat(s.gaps(Phase.MARKET_SIZING)).containsKey("decision");
    }

    @Test
    void revisitKeepsTheMarketPhaseOpenAndBlocksSignOff() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        complete(s, Phase.PROBLEM_FRAMING, day(8));
        complete(s, Phase.PROBLEM_STATEMENTS, day(10));
        s.decideGate(GateDecision.REVISIT, "Need the bottom-up count", FACILITATOR, assessment(), day(15));
        s.writeSynthesis(Phase.MARKET_SIZING, "note");
        assertThatThrownBy(() -> s.signOff(Phase.MARKET_SIZING, ANA.userId(), day(15)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("decision"));
        assertThat(s.state()).isEqualTo(SessionState.ACTIVE);
    }

    @Test
    void signingOffRoadmapPlanningCompletesTheSessionWithItsDraftInitiatives() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        complete(s, Phase.PROBLEM_FRAMING, day(8));
        complete(s, Phase.PROBLEM_STATEMENTS, day(10));
        complete(s, Phase.MARKET_SIZING, day(15));
        assertThatThrownBy(() -> s.addInitiative(PlannedInitiative.of("Ghost", "", LinkKind.DIFFERENTIATOR, 12345L, PlanningHorizon.NEXT, "1", "2", null)))
                .isInstanceOf(InvalidInputException.class);
        complete(s, Phase.ROADMAP_PLANNING, day(22));
        assertThat(s.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(s.draftInitiatives()).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Live map");
            assertThat(d.linkKind()).isNull();
        });
        assertThatThrownBy(() -> s.reopen(Phase.POSITIONING, FACILITATOR.userId(), "late idea", day(23)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void namingApproversOfASignedOffPhaseIsRefused() {
        var s = session();
        complete(s, Phase.POSITIONING, day(1));
        assertThatThrownBy(() -> s.nameApprovers(Phase.POSITIONING, List.of(ANA))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> s.nameApprovers(Phase.PROBLEM_FRAMING, List.of())).isInstanceOf(InvalidInputException.class);
    }
}
