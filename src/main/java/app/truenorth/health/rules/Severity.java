package app.truenorth.health.rules;

/** How much a finding matters: errors fail {@code truenorth lint}, warnings and notes do not. */
public enum Severity {
    ERROR("Error", 15),
    WARNING("Warning", 7),
    NOTE("Note", 2);

    private final String label;
    private final int basePenalty;

    Severity(String label, int basePenalty) {
        this.label = label;
        this.basePenalty = basePenalty;
    }

    public String label() {
        return label;
    }

    /** Points a finding of this severity takes off the score before its reach is counted. */
    public int basePenalty() {
        return basePenalty;
    }

    /** SARIF 2.1.0 result level. */
    public String sarifLevel() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}
