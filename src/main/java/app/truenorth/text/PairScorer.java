package app.truenorth.text;

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

    private PairScorer() {
    }

    /** The scorer of this JVM; cheap to call, the model loads on the first score. */
    public static PairScorer get() {
        throw new UnsupportedOperationException("not yet");
    }

    /** How alike {@code candidate} is to {@code statement}. Never throws for any text, empty included. */
    public PairScore score(String statement, String candidate) {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@link #score(String, String)} for a candidate with a title and a longer body (either may be empty). */
    public PairScore score(String statement, String title, String body) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Scores of one statement against many candidates, in their order (faster than one by one). */
    public List<PairScore> scoreAll(String statement, List<String> candidates) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The embedding model in use, as recorded beside stored vectors. */
    public String modelId() {
        throw new UnsupportedOperationException("not yet");
    }
}
