package app.truenorth.session;

/**
 * When the team means to do a drafted initiative, in the roadmap's own terms: Now is committed, Next
 * is likely, Later is a direction. The session keeps its own copy so it need not know the roadmap.
 */
public enum PlanningHorizon {
    NOW("Now"),
    NEXT("Next"),
    LATER("Later");

    private final String label;

    PlanningHorizon(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
