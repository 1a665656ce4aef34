package app.truenorth.transfer;

import java.util.Arrays;
import java.util.Optional;

/** The files the import understands, with the name the API and the CLI use for each. */
public enum ImportFormat {
    JIRA_CSV("jira-csv", "Jira CSV export"),
    LINEAR_CSV("linear-csv", "Linear CSV export"),
    ROADMUNK_CSV("roadmunk-csv", "Roadmunk / Tempo CSV"),
    TRUENORTH_JSON("truenorth-json", "TrueNorth roadmap JSON");

    private final String code;
    private final String label;

    ImportFormat(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ImportFormat> parse(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }
}
