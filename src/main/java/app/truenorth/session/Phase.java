package app.truenorth.session;

/** The five phases of a strategy session, in the only order they can be worked through. */
public enum Phase {
    POSITIONING("Positioning", "positioning"),
    PROBLEM_FRAMING("Problem framing", "problem-framing"),
    PROBLEM_STATEMENTS("Problem statements", "problem-statements"),
    MARKET_SIZING("Market sizing", "market-sizing"),
    ROADMAP_PLANNING("Roadmap planning", "roadmap-planning");

    private final String label;
    private final String slug;

    Phase(String label, String slug) {
        this.label = label;
        this.slug = slug;
    }

    public String label() {
        return label;
    }

    /** The URL segment of the phase's page. */
    public String slug() {
        return slug;
    }

    public Phase previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    public Phase next() {
        return ordinal() == values().length - 1 ? null : values()[ordinal() + 1];
    }

    public int number() {
        return ordinal() + 1;
    }

    public static Phase fromSlug(String slug) {
        for (Phase p : values()) {
            if (p.slug.equals(slug) || p.name().equalsIgnoreCase(slug)) {
                return p;
            }
        }
        return null;
    }
}
