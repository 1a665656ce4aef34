package app.truenorth.session;

import app.truenorth.platform.Problems;
import java.util.Map;

/**
 * The problem framing canvas: look inward, look outward, then reframe. The reframed problem statement
 * ("How might we …") is what the phase produces.
 */
public record ProblemFraming(String problem, String symptoms, String whyUnsolved, String assumptions,
        String whoHasIt, String whenWhere, String consequences, String whoElse, String currentAlternatives,
        String reframedStatement) {

    public static final ProblemFraming EMPTY = new ProblemFraming("", "", "", "", "", "", "", "", "", "");

    public ProblemFraming {
        problem = Positioning.clean(problem);
        symptoms = Positioning.clean(symptoms);
        whyUnsolved = Positioning.clean(whyUnsolved);
        assumptions = Positioning.clean(assumptions);
        whoHasIt = Positioning.clean(whoHasIt);
        whenWhere = Positioning.clean(whenWhere);
        consequences = Positioning.clean(consequences);
        whoElse = Positioning.clean(whoElse);
        currentAlternatives = Positioning.clean(currentAlternatives);
        reframedStatement = Positioning.clean(reframedStatement);
        Problems errors = new Problems();
        String[][] fields = {{"problem", problem}, {"symptoms", symptoms}, {"whyUnsolved", whyUnsolved},
                {"assumptions", assumptions}, {"whoHasIt", whoHasIt}, {"whenWhere", whenWhere},
                {"consequences", consequences}, {"whoElse", whoElse}, {"currentAlternatives", currentAlternatives},
                {"reframedStatement", reframedStatement}};
        for (String[] f : fields) {
            if (f[1].length() > 2000) {
                errors.add(f[0], "must be at most 2000 characters");
            }
        }
        errors.throwIfAny();
    }

    public Map<String, String> gaps() {
        Problems gaps = new Problems();
        if (problem.isEmpty()) {
            gaps.add("problem", "Look inward: say what the problem is");
        }
        if (whoHasIt.isEmpty()) {
            gaps.add("whoHasIt", "Look outward: say who has the problem");
        }
        if (reframedStatement.isEmpty()) {
            gaps.add("reframedStatement", "Write the reframed problem statement (How might we …)");
        }
        return gaps.asMap();
    }
}
