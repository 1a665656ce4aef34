package app.truenorth.text;

/**
 * How alike two texts are, from 0 to 1, and why.
 *
 * @param score    0 (nothing in common) to 1; {@link PairScorer#THRESHOLD} is where "alike" begins
 * @param evidence why
 */
public record PairScore(double score, Evidence evidence) {

    /** Whether the score reaches {@code threshold} (0–1). */
    public boolean reaches(double threshold) {
        return score >= threshold;
    }
}
