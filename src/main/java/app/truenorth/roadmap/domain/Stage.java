package app.truenorth.roadmap.domain;

/** Where an initiative is in its life, from a raw idea to a measured outcome. */
public enum Stage {
    IDEA("Idea"),
    DISCOVERY("Discovery"),
    BUILDING("Building"),
    RELEASED("Released"),
    MEASURED("Measured");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
