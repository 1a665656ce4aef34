package app.truenorth.health.rules;

import java.util.List;

/** Something a rule found: what is wrong, about which items, how bad, and what to do about it. */
public record Finding(Rule rule, Severity severity, String message, String fix, List<Evidence> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    /** How many initiatives the finding names. */
    public long initiativeCount() {
        return evidence.stream().filter(e -> e.initiativeId() != null).count();
    }
}
