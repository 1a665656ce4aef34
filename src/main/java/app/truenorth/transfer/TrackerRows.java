package app.truenorth.transfer;

import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import app.truenorth.roadmap.domain.Horizon;
import app.truenorth.roadmap.domain.Quarter;
import app.truenorth.roadmap.domain.Stage;
import app.truenorth.roadmap.domain.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Turns an issue from a tracker (Jira, Linear) into an initiative row, or a rejection naming the bad cells. */
final class TrackerRows {

    private TrackerRows() {
    }

    /**
     * @param dueColumn    name of the due-date column as the file spells it, for messages
     * @param pointsColumn name of the estimate column as the file spells it
     */
    static ParsedRow issue(int line, String key, String title, String description, String theme, String team, String status,
            String points, String pointsColumn, String due, String dueColumn, String source, LocalDate today) {
        List<ParsedRow.Problem> problems = new ArrayList<>();
        BigDecimal estimate = null;
        if (!points.isBlank()) {
            try {
                estimate = Mapping.number(points);
                if (estimate.signum() < 0) {
                    problems.add(new ParsedRow.Problem(pointsColumn, "must not be negative (was " + points + ")"));
                }
            } catch (NumberFormatException e) {
                problems.add(new ParsedRow.Problem(pointsColumn, "\"" + points + "\" is not a number"));
            }
        }
        LocalDate dueDate = null;
        if (!due.isBlank()) {
            dueDate = Mapping.date(due).orElse(null);
            if (dueDate == null) {
                problems.add(new ParsedRow.Problem(dueColumn, "\"" + due + "\" is not a date (expected e.g. 14/Jul/25 3:42 PM or 2025-07-14)"));
            }
        }
        if (!problems.isEmpty()) {
            return ParsedRow.rejected(line, key, title, problems);
        }
        StringBuilder note = new StringBuilder();
        String text = (key.isBlank() ? "" : "Imported from " + source + " " + key + ".") + (description.isBlank() ? "" : "\n\n" + description);
        Stage stage = Mapping.stage(status);
        Horizon horizon = Mapping.horizon(stage, dueDate, today);
        BigDecimal[] effort = estimate == null || estimate.signum() < 0
                ? new BigDecimal[] {Mapping.UNESTIMATED_LOW, Mapping.UNESTIMATED_HIGH}
                : Mapping.effortFromPoints(estimate);
        int confidence = estimate == null ? Mapping.UNESTIMATED_CONFIDENCE : Mapping.ESTIMATED_CONFIDENCE;
        InitiativeInput input = new InitiativeInput(title, Mapping.shorten(text.strip(), note), null, List.of(), horizon, stage, team,
                effort[0], effort[1], confidence, dueDate == null ? null : Quarter.of(dueDate).toString(), null, null,
                Visibility.INTERNAL, null, null, null, null);
        return ParsedRow.ready(line, key, title, theme.isBlank() ? null : theme, input, note.toString());
    }
}
