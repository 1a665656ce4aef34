package app.truenorth.health.rules;

import app.truenorth.roadmap.domain.Initiative;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How alike an anti-goal and each initiative (title and description) are, and why. */
final class AntiGoalScoring {

    private AntiGoalScoring() {
    }

    static List<AntiGoalMatch> scoreAll(String antiGoal, List<Initiative> initiatives) {
        // interim: word overlap until the text module's pair scorer is in
        Set<String> goal = TextSimilarity.words(antiGoal);
        List<AntiGoalMatch> out = new ArrayList<>();
        for (Initiative i : initiatives) {
            Set<String> words = TextSimilarity.words(i.title() + " " + (i.description() == null ? "" : i.description()));
            List<String> shared = goal.stream().filter(words::contains).sorted().toList();
            out.add(new AntiGoalMatch(antiGoal, TextSimilarity.containmentPercent(goal, words), "shared terms", shared, null));
        }
        return out;
    }
}
