package app.truenorth.roadmap.domain;

/** How soon and how firmly the team means to do something: Now is committed, Later is a direction. */
public enum Horizon {
    NOW("Now", "high"),
    NEXT("Next", "medium"),
    LATER("Later", "low");

    private final String label;
    private final String commitment;

    Horizon(String label, String commitment) {
        this.label = label;
        this.commitment = commitment;
    }

    public String label() {
        return label;
    }

    public String commitment() {
        return commitment;
    }

    /** True when this horizon comes before the other (Now before Next before Later). */
    public boolean isEarlierThan(Horizon other) {
        return ordinal() < other.ordinal();
    }
}
