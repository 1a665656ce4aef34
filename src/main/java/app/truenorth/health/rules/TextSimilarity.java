package app.truenorth.health.rules;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The text measure behind the anti-goal rule, kept simple so people can predict it: both texts become
 * sets of significant words (lower case, letters and digits, at least three characters, common English
 * stop words dropped, a plural "s" trimmed from words longer than four letters), and the similarity is
 * the share of the anti-goal's words that the initiative repeats (containment, 0–100 %). Containment
 * rather than Jaccard, because an initiative's description is much longer than an anti-goal and should
 * not dilute the match.
 */
public final class TextSimilarity {

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "from", "into", "our",
            "their", "your", "are", "was", "were", "will", "would", "can", "not", "but", "all", "any", "its", "who", "what",
            "when", "where", "which", "how", "more", "less", "than", "then", "them", "they", "has", "have", "had", "out",
            "own", "via", "per", "too", "very", "just", "only", "also", "each", "every", "new", "use", "using");

    private TextSimilarity() {
    }

    public static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                add(words, lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static void add(Set<String> words, String word) {
        if (word.length() < 3 || STOP_WORDS.contains(word)) {
            return;
        }
        words.add(word.length() > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word);
    }

    /** The percentage of {@code reference}'s words that also occur in {@code text}; 0 when reference is empty. */
    public static int containmentPercent(Set<String> reference, Set<String> text) {
        if (reference.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : reference) {
            if (text.contains(w)) {
                shared++;
            }
        }
        return (int) Math.round(shared * 100.0 / reference.size());
    }
}
