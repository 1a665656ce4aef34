package app.truenorth.views;

import java.util.EnumSet;
import java.util.Set;

/** A piece of information a preset may show. Anything not listed is never part of a view. */
public enum ViewField {
    DESCRIPTION("Initiative descriptions", false),
    THEMES("Themes", false),
    STAGE("Stage", false),
    OBJECTIVES("Objectives with progress", true),
    TEAM("Teams", true),
    EFFORT("Effort and confidence", true),
    DEPENDENCIES("Dependencies", true),
    RISKS("Risks", true),
    OWNERS("Risk owners, mitigations and who decided", true),
    /** The decision log (and the strategy sessions' go/no-go decisions); which ones is the preset's choice. */
    DECISIONS("Decisions", false);

    private final String label;
    private final boolean internal;

    ViewField(String label, boolean internal) {
        this.label = label;
        this.internal = internal;
    }

    public String label() {
        return label;
    }

    /** Internal to the company: an external audience may never be shown it. */
    public boolean internal() {
        return internal;
    }

    public static Set<ViewField> internalOnes() {
        Set<ViewField> set = EnumSet.noneOf(ViewField.class);
        for (ViewField f : values()) {
            if (f.internal) {
                set.add(f);
            }
        }
        return set;
    }
}
