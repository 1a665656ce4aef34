package app.truenorth.roadmap.domain;

/** Whether an initiative or a decision may appear beyond the company: on the customer-facing roadmap (and, for decisions, the sales view). */
public enum Visibility {
    INTERNAL("Internal"),
    EXTERNAL("External");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
