package app.truenorth.transfer;

import app.truenorth.roadmap.RoadmapInputs.InitiativeInput;
import java.util.List;

/**
 * One row of an uploaded file as the import understood it.
 *
 * @param line    the file's line where the row starts (1 is the first line, the header in a CSV)
 * @param key     the source's own id ("PROJ-12"), or blank
 * @param input   what it becomes on the roadmap; null when skipped or refused while reading
 * @param note    why a row is skipped, or what was adjusted (a shortened description)
 */
public record ParsedRow(int line, String key, String title, String theme, InitiativeInput input, Status status,
        List<Problem> problems, String note) {

    public enum Status {
        /** Becomes an initiative (if the roadmap's rules agree). */
        READY,
        /** Not an initiative, on purpose: a theme definition, a cancelled issue. Not an error. */
        SKIPPED,
        /** Cannot be imported; blocks the import unless rejected rows are skipped explicitly. */
        REJECTED
    }

    public record Problem(String field, String message) {
    }

    public ParsedRow {
        problems = problems == null ? List.of() : List.copyOf(problems);
        key = key == null ? "" : key;
        note = note == null ? "" : note;
    }

    static ParsedRow ready(int line, String key, String title, String theme, InitiativeInput input, String note) {
        return new ParsedRow(line, key, title, theme, input, Status.READY, List.of(), note);
    }

    static ParsedRow skipped(int line, String key, String title, String note) {
        return new ParsedRow(line, key, title, null, null, Status.SKIPPED, List.of(), note);
    }

    static ParsedRow rejected(int line, String key, String title, List<Problem> problems) {
        return new ParsedRow(line, key, title, null, null, Status.REJECTED, problems, "");
    }
}
