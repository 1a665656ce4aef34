package app.truenorth.roadmap;

/** A domain value as stored, with the version an update must name (optimistic concurrency). */
public record Stored<T>(T value, int version) {
}
