package app.truenorth.text;

import java.time.Duration;

/**
 * What a rebuild did.
 *
 * @param documents documents written to the new index
 * @param embedded  documents that had to be embedded again (missing vectors or another model)
 * @param took      how long it took
 */
public record RebuildReport(long documents, long embedded, Duration took) {
}
