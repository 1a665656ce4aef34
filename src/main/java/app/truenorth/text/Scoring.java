package app.truenorth.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pair score, shared by {@link PairScorer} (vectors embedded on the spot) and {@link TextIndex}
 * (vectors read from storage), so both give the same figure for the same two texts.
 *
 * <p>Two pieces of evidence, combined by a logistic function whose weights were fitted on the
 * calibration half of a labelled set of pairs (docs/health.md has the figures and the procedure):
 * <ul>
 *   <li>meaning: the cosine between the sentence vectors of the statement's topic (its rule frame
 *       removed) and of the candidate's closest passage;</li>
 *   <li>shared words: whether that passage and the topic share a content word (same stem). A shared
 *       word makes two sentence vectors alike whatever the word means in each ("dark patterns",
 *       "dark mode"), so a pair that shares words needs a closer meaning to count: its cosine is
 *       discounted by a fitted amount.</li>
 * </ul>
 */
final class Scoring {

    /** Chosen on the calibration half of the labelled pairs: fewer leave-one-out errors there (12 of 65 against 16). */
    static final Encoder.Model DEFAULT_MODEL = Encoder.Model.BGE;
    static final int BATCH = 32;
    private static final int PHRASE_CHARS = 200;

    /**
     * logit = base + slope × cosine − sharedPenalty when a content word is shared: the same cosine counts
     * for less when shared words made it. One slope keeps the score rising with the cosine, so a copy
     * of a text always scores near 1.
     */
    record Weights(double base, double slope, double sharedPenalty) {

        double logit(double cosine, boolean shared) {
            return base + slope * cosine - (shared ? sharedPenalty : 0);
        }
    }

    /** Fitted on the calibration half of src/test/resources/text/anti-goal-pairs.csv (TextCalibration). */
    static Weights weights(Encoder.Model model) {
        return switch (model) {
            case MINILM -> new Weights(-3.11, 11.76, 3.46);
            case BGE -> new Weights(-16.33, 25.73, 3.61);
        };
    }

    /** A statement ready to be compared: its topic, the topic's vector and stems. */
    record Query(String topic, float[] vector, Set<String> stems) {

        boolean empty() {
            return vector == null;
        }
    }

    static String topicOf(String statement) {
        return Passages.clean(Terms.topic(Passages.clean(statement)));
    }

    static Query query(String statement, float[] topicVector) {
        String topic = topicOf(statement);
        return new Query(topic, topic.isBlank() ? null : topicVector, Terms.stems(topic));
    }

    static final PairScore NOTHING = new PairScore(0, new Evidence(List.of(), "", Signal.NONE));

    /** The score of a candidate given as its passages and their vectors (same order). */
    static PairScore score(Query q, List<String> passages, List<float[]> vectors, Weights w) {
        if (q.empty() || passages.isEmpty()) {
            return NOTHING;
        }
        int best = 0;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < passages.size(); i++) {
            float[] v = vectors.get(i);
            if (v == null) {
                continue;
            }
            double c = Vectors.dot(q.vector(), v);
            if (c > bestCos) {
                bestCos = c;
                best = i;
            }
        }
        if (bestCos == Double.NEGATIVE_INFINITY) {
            return NOTHING;
        }
        String passage = passages.get(best);
        List<String> shared = sharedWords(q.stems(), passage);
        double cos = Math.max(-1, Math.min(1, bestCos));
        double logit = w.logit(cos, !shared.isEmpty());
        double score = 1 / (1 + Math.exp(-logit));
        score = Math.round(score * 10_000) / 10_000.0; // four places: stable figures for reports and tests
        boolean alike = score >= PairScorer.THRESHOLD;
        Signal signal = alike ? (shared.isEmpty() ? Signal.MEANING : Signal.BOTH) : (shared.isEmpty() ? Signal.NONE : Signal.SHARED_WORDS);
        return new PairScore(score, new Evidence(shared, phrase(passage), signal));
    }

    /** The candidate's words (as written) whose stems the topic has too, each once, in order. */
    static List<String> sharedWords(Set<String> topicStems, String passage) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Terms.Term t : Terms.terms(passage)) {
            if (topicStems.contains(t.stem()) && seen.add(t.stem())) {
                out.add(t.word());
            }
        }
        return new ArrayList<>(out);
    }

    private static String phrase(String passage) {
        if (passage.length() <= PHRASE_CHARS) {
            return passage;
        }
        int cut = passage.lastIndexOf(' ', PHRASE_CHARS);
        return passage.substring(0, cut > PHRASE_CHARS / 2 ? cut : PHRASE_CHARS) + "\u2026";
    }
}
