package app.truenorth.health.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why an initiative resembles an anti-goal: how alike the two texts are (0–100 %, the scale of the
 * anti-goal threshold) and the evidence behind it — the terms both share, or, when they share none that
 * carries the meaning, the initiative's phrase closest to the anti-goal and the signal that carried the
 * match.
 *
 * @param antiGoal      the anti-goal's wording
 * @param percent       how alike, 0–100
 * @param signal        what carried the match, in words people read ("shared terms", "meaning")
 * @param sharedTerms   significant terms both texts use, as the initiative writes them; may be empty
 * @param closestPhrase the initiative's passage closest to the anti-goal; null when the shared terms say it all
 */
public record AntiGoalMatch(String antiGoal, int percent, String signal, List<String> sharedTerms, String closestPhrase) {

    public AntiGoalMatch {
        sharedTerms = sharedTerms == null ? List.of() : List.copyOf(sharedTerms);
    }

    /** One plain sentence for pages and lint output, e.g. "72 % alike: shares “fleet owners”, “report”". */
    public String explanation() {
        StringBuilder sb = new StringBuilder().append(percent).append(" % alike");
        if (!sharedTerms.isEmpty()) {
            sb.append(": shares ").append(sharedTerms.stream().map(t -> "“" + t + "”").collect(Collectors.joining(", ")));
        }
        if (closestPhrase != null && !closestPhrase.isBlank()) {
            sb.append(sharedTerms.isEmpty() ? ": " : "; ").append("closest phrase “").append(closestPhrase).append("”");
        }
        if (signal != null && !signal.isBlank()) {
            sb.append(" (carried by ").append(signal).append(")");
        }
        return sb.toString();
    }
}
