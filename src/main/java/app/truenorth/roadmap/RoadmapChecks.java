package app.truenorth.roadmap;

import app.truenorth.platform.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/** The field rules every roadmap service applies the same way: required text, lengths, trimming. */
final class RoadmapChecks {

    private RoadmapChecks() {
    }

    /** Refuses the change with every problem found, or lets it pass when there is none. */
    static void check(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static void required(Map<String, String> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.putIfAbsent(field, "must not be blank");
        } else {
            max(problems, field, value, max);
        }
    }

    static void max(Map<String, String> problems, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            problems.putIfAbsent(field, "must be at most " + max + " characters");
        }
    }

    /** Optional text as stored: trimmed, and empty rather than null. */
    static String text(String value) {
        return value == null ? "" : value.trim();
    }

    /** A name as compared: trimmed and lower case, so "Growth " and "growth" are one theme. */
    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
