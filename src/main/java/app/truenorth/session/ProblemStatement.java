package app.truenorth.session;

import app.truenorth.platform.Problems;

/**
 * A persona-level problem statement with its evidence. Only a statement backed by evidence (interviews
 * or a data source) can be marked validated.
 */
public record ProblemStatement(Long id, String persona, String outcome, String barrier, String rootCause, String emotion,
        int interviewCount, String dataSource, boolean validated) {

    public ProblemStatement {
        persona = Positioning.clean(persona);
        outcome = Positioning.clean(outcome);
        barrier = Positioning.clean(barrier);
        rootCause = Positioning.clean(rootCause);
        emotion = Positioning.clean(emotion);
        dataSource = Positioning.clean(dataSource);
        Problems errors = new Problems();
        String[][] required = {{"persona", persona}, {"outcome", outcome}, {"barrier", barrier},
                {"rootCause", rootCause}, {"emotion", emotion}};
        for (String[] f : required) {
            if (f[1].isEmpty()) {
                errors.add(f[0], "must not be blank");
            } else if (f[1].length() > 500) {
                errors.add(f[0], "must be at most 500 characters");
            }
        }
        if (interviewCount < 0) {
            errors.add("interviewCount", "must be zero or more");
        }
        if (dataSource.length() > 500) {
            errors.add("dataSource", "must be at most 500 characters");
        }
        if (validated && interviewCount == 0 && dataSource.isEmpty()) {
            errors.add("validated", "needs evidence first: record the interviews or a data source");
        }
        errors.throwIfAny();
    }

    /** "I am [persona], I am trying to [outcome], but [barrier], because [root cause], which makes me feel [emotion]." */
    public String sentence() {
        return "I am " + persona + ", I am trying to " + outcome + ", but " + barrier + ", because " + rootCause
                + ", which makes me feel " + emotion + ".";
    }

    public String evidence() {
        String interviews = interviewCount == 0 ? "" : interviewCount + (interviewCount == 1 ? " interview" : " interviews");
        if (dataSource.isEmpty()) {
            return interviews.isEmpty() ? "No evidence yet" : interviews;
        }
        return interviews.isEmpty() ? dataSource : interviews + "; " + dataSource;
    }

    ProblemStatement withId(Long newId) {
        return new ProblemStatement(newId, persona, outcome, barrier, rootCause, emotion, interviewCount, dataSource, validated);
    }
}
