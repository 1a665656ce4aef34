package app.truenorth.roadmap.domain;

/** What an initiative can depend on outside the roadmap. */
public enum ExternalKind {
    TEAM("Team"),
    TECHNOLOGY("Technology");

    private final String label;

    ExternalKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
