package app.truenorth.roadmap;

/** A row of a bulk write (an import, {@code truenorth push}) that the roadmap's rules refuse, by the caller's line number. */
public record BulkRejection(int line, String field, String message) {
}
