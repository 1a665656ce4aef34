package app.truenorth.session;

import app.truenorth.market.GateDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The small value types of a session, grouped so the aggregate's file stays about behaviour. */
public final class SessionRecords {

    private SessionRecords() {
    }

    /** An approver's sign-off of a phase. */
    public record SignOff(long userId, String name, Instant at) {
    }

    /** An approver asked for changes instead of signing off; addressed once the artifact is edited. */
    public record ChangeRequest(long userId, String name, String comment, Instant at, boolean addressed) {

        ChangeRequest markAddressed() {
            return new ChangeRequest(userId, name, comment, at, true);
        }
    }

    /** A participant's view of the positioning statement. */
    public record Vote(long userId, String name, boolean agree, String comment, Instant at) {
    }

    /** The go/no-go decision taken at the end of market sizing. */
    public record Gate(GateDecision decision, String rationale, long decidedBy, String decidedByName, Instant at) {
    }

    public enum DecisionKind {
        SIGNED_OFF("signed off"), PHASE_SIGNED_OFF("phase signed off by all approvers"),
        CHANGES_REQUESTED("requested changes"), REOPENED("reopened"), CONFIRMED("confirmed after review"),
        GATE("recorded the go/no-go decision");

        private final String label;

        DecisionKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One entry of the session's history of decisions (sign-offs, change requests, reopens …). */
    public record Decision(Phase phase, DecisionKind kind, long userId, String name, String comment, Instant at) {
    }

    /** Two neighbouring phases signed off on the same day: the strategy-day anti-pattern. */
    public record CollapsedPair(Phase first, Phase second, LocalDate day) {

        public String message() {
            return first.label() + " and " + second.label() + " were both signed off on " + day
                    + ". A strategy session needs time between phases to gather evidence; one long day collapses it.";
        }
    }

    /** One week of the plan: what was planned and what was actually signed off that week. */
    public record PlanWeek(int week, LocalDate from, LocalDate to, List<Phase> planned, List<Phase> signedOff,
            boolean current) {
    }

    /** Plan against actual for one phase. */
    public record PhasePlan(Phase phase, int plannedWeek, Integer actualWeek, String verdict, boolean late) {
    }
}
