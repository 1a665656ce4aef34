package app.truenorth.health.rules;

/** The checks, with a stable id (used in SARIF, JSON and the API) and a name people recognise. */
public enum Rule {
    FEATURE_LIST("feature-list", "Feature list",
            "Initiatives that serve no theme or objective, or that are sized like features, turn the roadmap into a backlog."),
    DEATH_BY_DATES("death-by-dates", "Death by dates",
            "Exact dates on Next and Later items promise precision the team does not have yet."),
    WISHFUL_THINKING("wishful-thinking", "Wishful thinking",
            "Now holds more than the teams can do, or too much of the roadmap is marked Now."),
    DISCONNECT_FROM_REALITY("disconnect-from-reality", "Disconnect from reality",
            "Now items whose status has not moved within the review cadence are probably not what the team is doing."),
    SET_AND_FORGET("set-and-forget", "Set and forget",
            "A roadmap nobody reviewed or snapshotted within its cadence has stopped steering anything."),
    ONE_SIZE_FITS_ALL("one-size-fits-all", "One size fits all",
            "Every audience needs its own view: executives, engineering and customers ask different questions."),
    ORPHANED_INITIATIVE("orphaned-initiative", "Orphaned initiatives",
            "Initiatives linked to no differentiator or problem statement have no strategic reason on record."),
    ANTI_GOAL("anti-goal", "Resembles an anti-goal",
            "Initiatives that read like a solution the strategy explicitly ruled out."),
    DEPENDENCY_VIOLATION("dependency-violation", "Dependency violations",
            "Dependency cycles, and dependencies that run against the horizons or the dates.");

    private final String id;
    private final String title;
    private final String explanation;

    Rule(String id, String title, String explanation) {
        this.id = id;
        this.title = title;
        this.explanation = explanation;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
