package app.truenorth.roadmap.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bet on the roadmap: larger than a feature, smaller than a theme. It sits in a horizon, moves
 * through stages, may carry a target quarter or dates, and links to a theme, objectives and the
 * strategy (a differentiator or a problem statement).
 *
 * @param themeId  null when it has no theme (an orphan for traceability)
 * @param quarter  optional target quarter; dates, when present, take precedence
 * @param link     null when not yet linked to the strategy
 * @param scores   prioritisation inputs; any of them may be missing
 */
public record Initiative(long id, String title, String description, Long themeId, List<Long> objectiveIds, Horizon horizon,
        Stage stage, String team, EffortRange effort, int confidence, Quarter quarter, LocalDate startDate,
        LocalDate endDate, Visibility visibility, StrategicLink link, ScoreInputs scores) {

    public Initiative {
        objectiveIds = objectiveIds == null ? List.of() : List.copyOf(objectiveIds);
        scores = scores == null ? ScoreInputs.NONE : scores;
    }

    /** Problems with a proposed initiative's own fields, keyed by field; empty when valid. */
    public static Map<String, String> problems(String title, int confidence, LocalDate startDate, LocalDate endDate) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title == null || title.isBlank()) {
            problems.put("title", "must not be blank");
        } else if (title.length() > 200) {
            problems.put("title", "must be at most 200 characters");
        }
        if (confidence < 0 || confidence > 100) {
            problems.put("confidence", "must be a percentage from 0 to 100");
        }
        if ((startDate == null) != (endDate == null)) {
            problems.put(startDate == null ? "startDate" : "endDate", "give both a start and an end date, or neither");
        } else if (startDate != null && endDate.isBefore(startDate)) {
            problems.put("endDate", "must not be before the start date (" + startDate + ")");
        }
        return problems;
    }

    /** When it is planned to start: its start date, else the first day of its quarter, else null. */
    public LocalDate plannedStart() {
        return startDate != null ? startDate : quarter != null ? quarter.start() : null;
    }

    /** When it is planned to end: its end date, else the last day of its quarter, else null. */
    public LocalDate plannedEnd() {
        return endDate != null ? endDate : quarter != null ? quarter.end() : null;
    }

    public boolean isDated() {
        return plannedStart() != null;
    }
}
