package app.truenorth.roadmap.domain;

/** Whether an initiative may appear on the customer-facing roadmap. */
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
