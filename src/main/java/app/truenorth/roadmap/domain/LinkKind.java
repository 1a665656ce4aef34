package app.truenorth.roadmap.domain;

/** What in the strategy an initiative serves. */
public enum LinkKind {
    DIFFERENTIATOR("Differentiator"),
    PROBLEM_STATEMENT("Problem statement");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
