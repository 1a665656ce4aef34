package app.truenorth.views;

/** How exactly a view says when something happens. */
public enum DatePrecision {
    EXACT("Exact dates"),
    QUARTER("Quarters"),
    HORIZON("Now / Next / Later only");

    private final String label;

    DatePrecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
