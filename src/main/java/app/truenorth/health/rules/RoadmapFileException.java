package app.truenorth.health.rules;

import java.util.List;

/** A roadmap file that could not be read or does not follow the format; every problem carries its line. */
public class RoadmapFileException extends Exception {

    /** One problem: line 0 when the file as a whole is at fault (it cannot be read at all). */
    public record Problem(int line, String path, String message) {

        public String describe() {
            return (line > 0 ? "line " + line + ": " : "") + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }

    private final List<Problem> problems;

    public RoadmapFileException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid roadmap file" : problems.getFirst().describe());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
