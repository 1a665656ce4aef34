package app.truenorth.roadmap.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that could go wrong, rated 1–5 for likelihood and impact, with what is being done about
 * it and who owns that. {@code initiativeId} is null for a risk to the roadmap as a whole.
 */
public record Risk(long id, Long initiativeId, String title, int likelihood, int impact, String mitigation, String owner) {

    public static Map<String, String> problems(String title, int likelihood, int impact) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title == null || title.isBlank()) {
            problems.put("title", "must not be blank");
        }
        if (likelihood < 1 || likelihood > 5) {
            problems.put("likelihood", "must be from 1 (rare) to 5 (almost certain)");
        }
        if (impact < 1 || impact > 5) {
            problems.put("impact", "must be from 1 (minor) to 5 (severe)");
        }
        return problems;
    }

    /** Likelihood × impact, 1–25. */
    public int exposure() {
        return likelihood * impact;
    }

    public String level() {
        int e = exposure();
        return e >= 15 ? "high" : e >= 8 ? "medium" : "low";
    }
}
