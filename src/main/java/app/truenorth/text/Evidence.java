package app.truenorth.text;

import java.util.List;

/**
 * Why two texts were found alike, in terms a reader can check.
 *
 * @param sharedTerms   the significant words both texts use (as written in the candidate), empty when none
 * @param closestPhrase the candidate's passage or phrase closest in meaning to the query text
 * @param signal        which evidence carried the score
 */
public record Evidence(List<String> sharedTerms, String closestPhrase, Signal signal) {

    public Evidence {
        sharedTerms = List.copyOf(sharedTerms);
        closestPhrase = closestPhrase == null ? "" : closestPhrase;
    }

    /** One sentence for people: the shared words, or the closest phrase when none are shared. */
    public String describe() {
        return switch (signal) {
            case SHARED_WORDS -> "shares " + quoted(sharedTerms);
            case BOTH -> "shares " + quoted(sharedTerms) + " and says much the same: \u201c" + closestPhrase + "\u201d";
            case MEANING -> sharedTerms.isEmpty()
                    ? "no shared word, but close in meaning: \u201c" + closestPhrase + "\u201d"
                    : "close in meaning: \u201c" + closestPhrase + "\u201d";
            case NONE -> sharedTerms.isEmpty() ? "nothing in common" : "shares " + quoted(sharedTerms) + " only in passing";
        };
    }

    private static String quoted(List<String> terms) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.append(i == terms.size() - 1 ? " and " : ", ");
            }
            out.append('\u201c').append(terms.get(i)).append('\u201d');
        }
        return out.toString();
    }
}
