package app.truenorth.roadmap.domain;

/** Whether an objective's metric should go up (conversion) or down (churn, latency). */
public enum Direction {
    INCREASE("Increase"),
    DECREASE("Decrease");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
