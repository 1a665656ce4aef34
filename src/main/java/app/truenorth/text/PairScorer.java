package app.truenorth.text;

import java.util.ArrayList;
import java.util.List;

/**
 * How alike a statement and a candidate text are, in plain Java with no server: the health rules and
 * the command-line tools use it offline and get the same figures as {@link TextIndex#compare}. The
 * score depends only on the two texts. The sentence-embedding model ships inside the application and
 * loads once per JVM, on the first score that needs it; nothing is downloaded.
 *
 * <p>The statement is read as a rule about what is ruled out or wanted ("We will not build X", "No X",
 * "X is out of scope"): that frame is not compared, only X. Thread-safe.
 */
public final class PairScorer {

    /** Where "alike" begins on the 0–1 score, chosen on a labelled set of pairs (see docs/health.md). */
    public static final double THRESHOLD = 0.5;

    private static final PairScorer INSTANCE = new PairScorer();

    private PairScorer() {
    }

    /** The scorer of this JVM; cheap to call, the model loads on the first score. */
    public static PairScorer get() {
        return INSTANCE;
    }

    /** How alike {@code candidate} is to {@code statement}. Never throws for any text, empty included. */
    public PairScore score(String statement, String candidate) {
        return score(statement, "", candidate);
    }

    /** {@link #score(String, String)} for a candidate with a title and a longer body (either may be empty). */
    public PairScore score(String statement, String title, String body) {
        Scoring.Query q = query(statement);
        if (q.empty()) {
            return Scoring.NOTHING;
        }
        List<String> passages = Passages.of(title, body);
        if (passages.isEmpty()) {
            return Scoring.NOTHING;
        }
        return Scoring.score(q, passages, Models.embed(passages), Scoring.weights(Models.model()));
    }

    /** Scores of one statement against many candidates, in their order (faster than one by one). */
    public List<PairScore> scoreAll(String statement, List<String> candidates) {
        Scoring.Query q = query(statement);
        List<PairScore> out = new ArrayList<>(candidates.size());
        if (q.empty()) {
            candidates.forEach(c -> out.add(Scoring.NOTHING));
            return out;
        }
        List<List<String>> passages = new ArrayList<>(candidates.size());
        List<String> all = new ArrayList<>();
        for (String c : candidates) {
            List<String> p = Passages.of("", c);
            passages.add(p);
            all.addAll(p);
        }
        List<float[]> vectors = Models.embed(all);
        Scoring.Weights w = Scoring.weights(Models.model());
        int at = 0;
        for (List<String> p : passages) {
            out.add(p.isEmpty() ? Scoring.NOTHING : Scoring.score(q, p, vectors.subList(at, at + p.size()), w));
            at += p.size();
        }
        return out;
    }

    /** The embedding model in use, as recorded beside stored vectors. */
    public String modelId() {
        return Models.model().id;
    }

    static Scoring.Query query(String statement) {
        String topic = Scoring.topicOf(statement);
        return Scoring.query(statement, topic.isBlank() ? null : Models.embed(topic));
    }
}
