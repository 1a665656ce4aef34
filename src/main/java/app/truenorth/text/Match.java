package app.truenorth.text;

/**
 * A document found similar to a query text.
 *
 * @param id       the document's id, as its owner indexed it
 * @param score    how alike the two are, from 0 (nothing in common) to 1; {@link PairScorer#THRESHOLD}
 *                 is where "alike" begins
 * @param evidence why
 */
public record Match(String id, double score, Evidence evidence) {
}
