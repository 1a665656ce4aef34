package app.truenorth.session;

/** The life of a session as a whole. */
public enum SessionState {
    /** Phases are being worked on. */
    ACTIVE("Active"),
    /** Roadmap planning is signed off and its initiatives handed to the roadmap. */
    COMPLETED("Completed"),
    /** The go/no-go gate said no-go: the session stopped there. */
    CLOSED_NO_GO("Closed: no-go");

    private final String label;

    SessionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
