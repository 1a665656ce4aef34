package app.truenorth.roadmap.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry of the roadmap's decision log: what was decided and why, when, by whom, and which
 * initiatives, themes and objectives it concerns.
 *
 * @param decidedByUserId the member who decided, or null when {@code decidedBy} names someone else
 *                        ("Leadership team")
 * @param keyDecision     one the executives should see on their one-pager
 * @param visibility      {@link Visibility#INTERNAL} decisions never reach a customer or sales view;
 *                        {@link Visibility#EXTERNAL} ones may, when a view shows decisions
 */
public record Decision(long id, String title, String rationale, LocalDate decidedOn, String decidedBy, Long decidedByUserId,
        boolean keyDecision, Visibility visibility, List<Long> initiativeIds, List<Long> themeIds, List<Long> objectiveIds) {

    public static final int TITLE_MAX = 200;
    public static final int RATIONALE_MAX = 4000;
    public static final int DECIDED_BY_MAX = 100;

    public Decision {
        visibility = visibility == null ? Visibility.INTERNAL : visibility;
        initiativeIds = initiativeIds == null ? List.of() : List.copyOf(initiativeIds);
        themeIds = themeIds == null ? List.of() : List.copyOf(themeIds);
        objectiveIds = objectiveIds == null ? List.of() : List.copyOf(objectiveIds);
    }

    /**
     * Problems with a proposed decision's own fields, keyed by field; empty when valid. {@code today} may
     * be null where there is no today to compare with (a file checked offline).
     */
    public static Map<String, String> problems(String title, String rationale, LocalDate decidedOn, String decidedBy,
            LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        text(problems, "title", title, TITLE_MAX, "say what was decided");
        text(problems, "rationale", rationale, RATIONALE_MAX, "say why it was decided; the reasons are what the log is for");
        if (decidedOn == null) {
            problems.put("decidedOn", "give the day it was decided, like 2026-07-01");
        } else if (today != null && decidedOn.isAfter(today)) {
            problems.put("decidedOn", "must not be after today (" + today + "): record a decision once it is taken");
        }
        text(problems, "decidedBy", decidedBy, DECIDED_BY_MAX, "say who decided: a member, or a name such as “Leadership team”");
        return problems;
    }

    private static void text(Map<String, String> problems, String field, String value, int max, String whenMissing) {
        if (value == null || value.isBlank()) {
            problems.put(field, "is missing: " + whenMissing);
        } else if (value.trim().length() > max) {
            problems.put(field, "must be at most " + max + " characters");
        }
    }

    public boolean isExternal() {
        return visibility == Visibility.EXTERNAL;
    }
}
