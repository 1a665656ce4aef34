package app.truenorth.market;

/** The go/no-go decision at the end of market sizing. */
public enum GateDecision {
    /** The market is worth pursuing: roadmap planning may open once the phase is signed off. */
    GO("Go"),
    /** Not worth pursuing: the session closes with this outcome. */
    NO_GO("No-go"),
    /** Not decided yet: the sizing needs more work or evidence. */
    REVISIT("Revisit");

    private final String label;

    GateDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
